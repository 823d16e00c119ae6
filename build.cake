// TjanstePlattform build: dotnet tool restore && dotnet cake [--target=Build|Test|Bench|Default]
var target = Argument("target", "Default");
var configuration = Argument("configuration", "Release");
var solution = "./TjanstePlattform.sln";

Task("Build")
    .Does(() =>
{
    DotNetBuild(solution, new DotNetBuildSettings { Configuration = configuration });
});

Task("Test")
    .IsDependentOn("Build")
    .Does(() =>
{
    DotNetTest(solution, new DotNetTestSettings
    {
        Configuration = configuration,
        NoBuild = true,
        Loggers = new[] { "trx" },
        ResultsDirectory = "./TestResults",
    });
});

Task("Bench")
    .IsDependentOn("Build")
    .Does(() =>
{
    // Prints requests/s, p50/p99 and ratios; every loop is bounded in count and time, loopback only.
    DotNetRun("./tests/TjanstePlattform.Benchmarks/TjanstePlattform.Benchmarks.csproj", new ProcessArgumentBuilder().Append(Argument("bench", "all")), new DotNetRunSettings
    {
        Configuration = configuration,
        NoBuild = true,
    });
});

Task("Default")
    .IsDependentOn("Test");

RunTarget(target);
