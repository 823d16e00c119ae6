using TjanstePlattform.Testing;

namespace TjanstePlattform.SourceSystems.Tests.Support;

/// <summary>The whole platform with its demo world, once per fixture; tests share it and use persons or slots of their own.</summary>
public abstract class DemoWorldFixture
{
    public const string Consumer = "TJP-DEMO-CONSUMER";
    public const string Tolvan = "191212121212";
    public const string Siv = "194404029813";
    public const string Nils = "195507139821";
    public const string Karin = "196308219838";
    public const string Olle = "197603049847";
    public const string Lisa = "201803159852";
    public const string Jrn1 = "SE2321000016-JRN1";
    public const string Jrn2 = "SE2321000016-JRN2";
    public const string Jrn3 = "SE2321000016-JRN3";
    public const string Jrn4 = "SE2321000024-JRN4";
    public const string Bok1 = "SE2321000016-BOK1";
    public const string Bok2 = "SE2321000016-BOK2";
    public const string Msup = "SE2321000131-MSUP";
    public const string National = "5565594230";

    protected TestPlatform Platform { get; private set; } = null!;

    /// <summary>Extra configuration for the fixture's platform.</summary>
    protected virtual IReadOnlyDictionary<string, string?>? Settings => null;

    /// <summary>Changes to the fixture's platform before it is built (replace a service …).</summary>
    protected virtual void Configure(Microsoft.AspNetCore.Builder.WebApplicationBuilder builder)
    {
    }

    [OneTimeSetUp]
    public async Task StartPlatformAsync() => Platform = await TestPlatform.StartAsync(Settings, configure: Configure);

    [OneTimeTearDown]
    public async Task StopPlatformAsync() => await Platform.DisposeAsync();

    protected Uri Router(string path) => Platform.Router(path);
}
