// Benchmarks: `dotnet cake --target=Bench` or `dotnet run -c Release --project tests/TjanstePlattform.Benchmarks -- <name|all>`.
Console.WriteLine("TjanstePlattform benchmarks");
