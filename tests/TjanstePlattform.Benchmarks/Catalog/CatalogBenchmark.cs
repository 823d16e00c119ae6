using System.Diagnostics;
using System.Globalization;
using Microsoft.Data.Sqlite;
using TjanstePlattform.Catalog.Editing;
using TjanstePlattform.Catalog.Model;
using TjanstePlattform.Catalog.Offline;
using TjanstePlattform.Catalog.Snapshots;

namespace TjanstePlattform.Benchmarks.Catalog;

/// <summary>
/// The catalog at a national platform's size: importing 20 000 routings and 20 000 authorizations (validation,
/// store, published version), one change on top of that catalog (what a REST call costs), and the router's
/// snapshot look-up (time and allocation per call).
/// </summary>
public sealed class CatalogBenchmark : IBenchmark
{
    private const int Entries = 20_000;
    private const int Lookups = 2_000_000;

    public string Name => "catalog";

    public async Task RunAsync(TextWriter output, CancellationToken cancellationToken)
    {
        var data = Path.Combine(Path.GetTempPath(), "tjp-bench", "catalog-" + Guid.NewGuid().ToString("N"));
        try
        {
            await using var catalog = await OfflineCatalog.OpenAsync(data, cancellationToken: cancellationToken);
            var document = Generate(Entries);

            var import = Stopwatch.StartNew();
            var imported = await catalog.Editor.ImportAsync(document, new CatalogAuthor("bench"), cancellationToken: cancellationToken);
            import.Stop();
            if (!imported.IsSuccess)
            {
                throw new InvalidOperationException(imported.Problem!.Detail);
            }

            await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                $"catalog import: {Entries} routings + {Entries} authorizations validated, stored and published in {import.Elapsed.TotalMilliseconds:F0} ms"));

            var edits = new List<double>();
            for (var i = 0; i < 20; i++)
            {
                var edit = Stopwatch.StartNew();
                var added = await catalog.Editor.EditAsync(
                    e => e.AddServiceProduction(new ServiceProductionRequest("SE-BENCH-P", $"SE-BENCH-EXTRA-{i}", Contract(i), "http://127.0.0.1:9/x", "RIVTABP21")),
                    new CatalogAuthor("bench"), cancellationToken: cancellationToken);
                edit.Stop();
                if (!added.IsSuccess)
                {
                    throw new InvalidOperationException(added.Problem!.Detail);
                }

                edits.Add(edit.Elapsed.TotalMilliseconds);
            }

            edits.Sort();
            await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                $"catalog change on a {2 * Entries}-entry catalog (validate, store, publish version, swap snapshot): p50 {edits[edits.Count / 2]:F1} ms, max {edits[^1]:F1} ms"));

            var snapshot = catalog.Snapshots.Current!;
            var keys = Enumerable.Range(0, 1024).Select(i => (Address(i * 17 % Entries).ToLowerInvariant(), Contract(i % 50).ToUpperInvariant())).ToArray();
            var found = Lookup(snapshot, keys, 10_000);
            var allocated = GC.GetAllocatedBytesForCurrentThread();
            var watch = Stopwatch.StartNew();
            found = Lookup(snapshot, keys, Lookups);
            watch.Stop();
            allocated = GC.GetAllocatedBytesForCurrentThread() - allocated;
            await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                $"snapshot look-up (routing + authorization, case-insensitive, {found} hits): {watch.Elapsed.TotalNanoseconds / Lookups:F0} ns per call, {(double)allocated / Lookups:F2} bytes allocated per call"));
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            try
            {
                Directory.Delete(data, recursive: true);
            }
            catch (IOException)
            {
            }
        }
    }

    private static int Lookup(CatalogSnapshot snapshot, (string Address, string Contract)[] keys, int count)
    {
        var hits = 0;
        for (var i = 0; i < count; i++)
        {
            var (address, contract) = keys[i & 1023];
            hits += snapshot.RoutingsFor(address, contract).Count + snapshot.AuthorizationsFor("SE-BENCH-CONSUMER", address, contract).Count;
        }

        return hits;
    }

    private static CatalogDocument Generate(int count)
    {
        var validity = new Validity(new DateOnly(2020, 1, 1), new DateOnly(2120, 1, 1));
        var productions = new List<ServiceProduction>(count);
        var cooperations = new List<Cooperation>(count);
        for (var i = 0; i < count; i++)
        {
            productions.Add(new ServiceProduction(0, "SE-BENCH-PRODUCER", Address(i), Contract(i % 50), $"https://producer{i % 100}.example/{i}", "RIVTABP21", validity));
            cooperations.Add(new Cooperation(0, "SE-BENCH-CONSUMER", Address(i), Contract(i % 50), validity, []));
        }

        return new CatalogDocument([], [], [], productions, cooperations);
    }

    private static string Address(int i) => $"SE2321000016-{i:D6}";

    private static string Contract(int i) => $"urn:riv:bench:domain:Operation{i}Responder:1";
}
