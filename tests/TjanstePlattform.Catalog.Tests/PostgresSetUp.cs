using TjanstePlattform.Testing.Postgres;

namespace TjanstePlattform.Catalog.Tests;

/// <summary>Stops this assembly's throw-away PostgreSQL cluster (started by the first test that needs it) after the last test.</summary>
[SetUpFixture]
public sealed class PostgresSetUp
{
    [OneTimeTearDown]
    public Task StopPostgresAsync() => PostgresServer.StopSharedAsync();
}
