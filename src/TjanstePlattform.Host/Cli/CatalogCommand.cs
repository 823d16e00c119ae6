using System.CommandLine;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using TjanstePlattform.Catalog.Editing;
using TjanstePlattform.Catalog.Offline;
using TjanstePlattform.Catalog.Orders;
using TjanstePlattform.Catalog.Serialization;
using TjanstePlattform.Catalog.Store;

namespace TjanstePlattform.Host.Cli;

/// <summary>
/// <c>tjp catalog …</c>: the catalog from the command line, against a running platform's REST API
/// (<c>--server</c>) or directly on a data directory (<c>--data</c>) with the same rules and versions.
/// Results are printed as JSON; a refused change prints the problem's detail and exits with 1.
/// </summary>
public static class CatalogCommand
{
    public const int Success = 0;
    public const int Refused = 1;
    public const int UsageError = 2;
    public const int Unavailable = 3;

    /// <summary>Entity kinds as the command line takes them, singular or plural, to the REST API's resource names.</summary>
    private static readonly Dictionary<string, string> Kinds = new(StringComparer.OrdinalIgnoreCase)
    {
        ["production"] = "serviceProductions",
        ["productions"] = "serviceProductions",
        ["serviceProduction"] = "serviceProductions",
        ["serviceProductions"] = "serviceProductions",
        ["cooperation"] = "cooperations",
        ["cooperations"] = "cooperations",
        ["component"] = "components",
        ["components"] = "components",
        ["contract"] = "serviceContracts",
        ["contracts"] = "serviceContracts",
        ["serviceContract"] = "serviceContracts",
        ["serviceContracts"] = "serviceContracts",
        ["address"] = "logicalAddresses",
        ["addresses"] = "logicalAddresses",
        ["logicalAddress"] = "logicalAddresses",
        ["logicalAddresses"] = "logicalAddresses",
    };

    /// <summary>Runs <c>tjp catalog &lt;args&gt;</c> with the given writers (tests, tools).</summary>
    public static Task<int> RunAsync(string[] args, TextWriter output, TextWriter error, CancellationToken cancellationToken = default)
        => TjpCommandLine.RunAsync(["catalog", .. args], output, error, interactive: false, cancellationToken);

    internal static Command Create()
    {
        var target = new TargetOptions();
        var catalog = new Command("catalog", "The catalog (TAK) from the command line: against a running platform's REST API (--server) "
            + "or directly on a data directory (--data), with the same rules and versions. Results are JSON. "
            + "Exit code: 0 done, 1 refused by the catalog, 2 usage error, 3 platform or data directory unavailable.")
        {
            target.Server, target.Data, target.Token, target.Author, target.Comment,
        };

        var listKind = KindArgument("what to list: productions (default), cooperations, components, contracts or addresses");
        listKind.Arity = ArgumentArity.ZeroOrOne;
        listKind.DefaultValueFactory = _ => "serviceProductions";
        catalog.Subcommands.Add(Leaf("list", "List the pending catalog's entities.", target,
            (t, p, ct) => t.ListAsync(p.GetRequiredValue(listKind), ct), listKind));

        catalog.Subcommands.Add(new Command("add", "Add a routing (production) or an authorization (cooperation).")
        {
            AddProduction(target),
            AddCooperation(target),
        });

        var deleteKind = KindArgument("productions, cooperations, components, contracts or addresses (singular or plural)");
        var deleteId = new Argument<long>("id") { Description = "the entity's id" };
        catalog.Subcommands.Add(Leaf("delete", "Delete one entity by id.", target,
            (t, p, ct) => t.DeleteAsync(p.GetRequiredValue(deleteKind), p.GetRequiredValue(deleteId), ct), deleteKind, deleteId));

        catalog.Subcommands.Add(new Command("import", "Import a TAK JSON order (beställning) or a whole catalog.")
        {
            Import("order", "Import a TAK JSON-beställning.", target, (t, json, dryRun, ct) => t.ImportOrderAsync(json, dryRun, ct)),
            Import("catalog", "Import a whole catalog (export or version format).", target, (t, json, dryRun, ct) => t.ImportCatalogAsync(json, dryRun, ct)),
        });

        var pending = new Option<bool>("--pending") { Description = "the pending catalog instead of the published one" };
        var exportFile = new Option<string>("--output") { HelpName = "file", Description = "write to this file instead of the console" };
        catalog.Subcommands.Add(Leaf("export", "Export the published catalog as JSON.", target,
            (t, p, ct) => ExportAsync(t, p.GetValue(pending), p.GetValue(exportFile), ct), pending, exportFile));

        catalog.Subcommands.Add(Leaf("versions", "List the published versions.", target, (t, _, ct) => t.VersionsAsync(ct)));
        var versionNumber = new Argument<long>("n") { Description = "the version number" };
        catalog.Subcommands.Add(Leaf("version", "Show one published version.", target,
            (t, p, ct) => t.VersionAsync(p.GetRequiredValue(versionNumber), ct), versionNumber));
        catalog.Subcommands.Add(Leaf("publish", "Publish the pending changes (Catalog:PublishMode=Manual).", target,
            (t, p, ct) => t.PublishAsync(p.GetValue(target.Comment), ct)));
        var rollbackNumber = new Argument<long>("n") { Description = "the version to return to (published anew as the next version)" };
        catalog.Subcommands.Add(Leaf("rollback", "Publish an earlier version's catalog again.", target,
            (t, p, ct) => t.RollbackAsync(p.GetRequiredValue(rollbackNumber), ct), rollbackNumber));
        return catalog;
    }

    private static Command AddProduction(TargetOptions target)
    {
        var producer = Required("--producer", "hsaId", "the producing component");
        var address = Required("--logical-address", "la|*", "the logical address (receiver)");
        var contract = Required("--contract", "namespace", "the service contract's namespace");
        var url = Required("--address", "url", "the producer's physical address");
        var profile = new Option<string>("--profile") { HelpName = "RIVTABP21|RIVTABP20", Description = "the RIV TA profile", DefaultValueFactory = _ => "RIVTABP21" };
        var (from, to) = Validity();
        return Leaf("production", "Add a routing (vägval) with its physical address.", target,
            (t, p, ct) => t.AddProductionAsync(new ServiceProductionRequest(p.GetRequiredValue(producer), p.GetRequiredValue(address), p.GetRequiredValue(contract),
                p.GetRequiredValue(url), p.GetRequiredValue(profile), p.GetValue(from), p.GetValue(to)), ct),
            producer, address, contract, url, profile, from, to);
    }

    private static Command AddCooperation(TargetOptions target)
    {
        var consumer = Required("--consumer", "hsaId", "the consuming component");
        var address = Required("--logical-address", "la|*", "the logical address (receiver)");
        var contract = Required("--contract", "namespace", "the service contract's namespace");
        var (from, to) = Validity();
        var filters = new Option<string[]>("--filter")
        {
            HelpName = "serviceDomain[=cat1,cat2]",
            Description = "an EI filter (aggregating services); repeatable",
            Arity = ArgumentArity.ZeroOrMore,
        };
        var agreement = new Option<string>("--agreement") { HelpName = "id", Description = "the agreement's id" };
        return Leaf("cooperation", "Add an authorization (anropsbehörighet).", target,
            (t, p, ct) => t.AddCooperationAsync(new CooperationRequest(p.GetRequiredValue(consumer), p.GetRequiredValue(address), p.GetRequiredValue(contract),
                p.GetValue(from), p.GetValue(to), Filters(p.GetValue(filters)), p.GetValue(agreement)), ct),
            consumer, address, contract, from, to, filters, agreement);
    }

    private static Command Import(string what, string description, TargetOptions target, Func<ICatalogTarget, string, bool, CancellationToken, Task<Result>> import)
    {
        var file = new Argument<FileInfo>("file") { Description = "the JSON file" }.AcceptExistingOnly();
        var dryRun = new Option<bool>("--dry-run") { Description = "report what would change, change nothing" };
        return Leaf(what, description, target,
            async (t, p, ct) => await import(t, await File.ReadAllTextAsync(p.GetRequiredValue(file).FullName, ct), p.GetValue(dryRun), ct),
            file, dryRun);
    }

    private static (Option<string> From, Option<string> To) Validity() =>
        (new Option<string>("--from") { HelpName = "yyyy-MM-dd", Description = "valid from (default today)" },
         new Option<string>("--to") { HelpName = "yyyy-MM-dd", Description = "valid to (default open-ended)" });

    private static Option<string> Required(string name, string helpName, string description) =>
        new(name) { HelpName = helpName, Description = description, Required = true };

    private static Argument<string> KindArgument(string description) => new("kind")
    {
        Description = description,
        CustomParser = result =>
        {
            var text = result.Tokens.Count > 0 ? result.Tokens[0].Value : string.Empty;
            if (Kinds.TryGetValue(text, out var kind))
            {
                return kind;
            }

            result.AddError($"unknown entity kind '{text}': productions, cooperations, components, contracts or addresses (singular or plural).");
            return string.Empty;
        },
    };

    /// <summary>A command that opens the target, runs one call and prints its result (JSON, or the refusal on stderr).</summary>
    private static Command Leaf(string name, string description, TargetOptions target, Func<ICatalogTarget, ParseResult, CancellationToken, Task<Result>> call, params Symbol[] symbols)
    {
        var command = new Command(name, description);
        foreach (var symbol in symbols)
        {
            switch (symbol)
            {
                case Argument argument:
                    command.Arguments.Add(argument);
                    break;
                case Option option:
                    command.Options.Add(option);
                    break;
            }
        }

        command.SetAction(async (parseResult, cancellationToken) =>
        {
            var (output, error) = (parseResult.InvocationConfiguration.Output, parseResult.InvocationConfiguration.Error);
            try
            {
                await using var opened = await target.OpenAsync(parseResult, cancellationToken);
                var result = await call(opened, parseResult, cancellationToken);
                await (result.Success ? output : error).WriteLineAsync(result.Text);
                return result.Success ? Success : Refused;
            }
            catch (CliUsageException ex)
            {
                await error.WriteLineAsync($"tjp catalog: {ex.Message}");
                return UsageError;
            }
            catch (Exception ex) when (ex is HttpRequestException or CatalogStoreException or TaskCanceledException or IOException or UnauthorizedAccessException)
            {
                await error.WriteLineAsync($"tjp catalog: {ex.Message}");
                return Unavailable;
            }
        });
        return command;
    }

    /// <summary>The options every catalog command takes (before or after its words): where the catalog is and who edits it.</summary>
    private sealed class TargetOptions
    {
        public Option<Uri> Server { get; } = new("--server")
        {
            Recursive = true,
            HelpName = "url",
            Description = "a running platform (default http://127.0.0.1:8080)",
            CustomParser = r => CliParsing.AbsoluteUri(r)!,
        };

        public Option<string> Data { get; } = new("--data") { Recursive = true, HelpName = "dir", Description = "work on a data directory directly, no platform running" };

        public Option<string> Token { get; } = new("--token") { Recursive = true, HelpName = "t", Description = "the admin token (default $TJP_ADMIN_TOKEN)" };

        public Option<string> Author { get; } = new("--author") { Recursive = true, HelpName = "name", Description = "recorded as the change's author (default the user name)" };

        public Option<string> Comment { get; } = new("--comment") { Recursive = true, HelpName = "text", Description = "recorded with the change" };

        public async Task<ICatalogTarget> OpenAsync(ParseResult parseResult, CancellationToken cancellationToken)
        {
            var author = new CatalogAuthor(parseResult.GetValue(Author) ?? Environment.UserName ?? "cli", parseResult.GetValue(Comment));
            if (parseResult.GetValue(Data) is { } data)
            {
                if (parseResult.GetResult(Server) is not null)
                {
                    throw new CliUsageException("give either --server or --data, not both.");
                }

                return new OfflineTarget(await OfflineCatalog.OpenAsync(Path.GetFullPath(data), cancellationToken: cancellationToken), author);
            }

            var token = parseResult.GetValue(Token) ?? Environment.GetEnvironmentVariable("TJP_ADMIN_TOKEN");
            return new HttpTarget(parseResult.GetValue(Server) ?? new Uri("http://127.0.0.1:8080"), token, author);
        }
    }

    /// <summary><c>--filter domain=cat1,cat2</c> (categorizations optional), repeatable.</summary>
    private static CooperationFilterRequest[]? Filters(string[]? filters) => filters is null or { Length: 0 }
        ? null
        : filters.Select(f =>
        {
            var parts = f.Split('=', 2);
            var categorizations = parts.Length == 2 ? parts[1].Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries) : [];
            return new CooperationFilterRequest(parts[0].Trim(), categorizations);
        }).ToArray();

    private static async Task<Result> ExportAsync(ICatalogTarget target, bool pending, string? file, CancellationToken cancellationToken)
    {
        var result = await target.ExportAsync(pending, cancellationToken);
        if (result.Success && file is not null)
        {
            await File.WriteAllTextAsync(file, result.Text, new UTF8Encoding(false), cancellationToken);
            return new Result(true, $"Exported to {Path.GetFullPath(file)}");
        }

        return result;
    }

    /// <summary>What a command printed: JSON on success, the refusal's reason otherwise.</summary>
    private sealed record Result(bool Success, string Text);

    private interface ICatalogTarget : IAsyncDisposable
    {
        Task<Result> ListAsync(string kind, CancellationToken cancellationToken);

        Task<Result> AddProductionAsync(ServiceProductionRequest request, CancellationToken cancellationToken);

        Task<Result> AddCooperationAsync(CooperationRequest request, CancellationToken cancellationToken);

        Task<Result> DeleteAsync(string kind, long id, CancellationToken cancellationToken);

        Task<Result> ImportOrderAsync(string json, bool dryRun, CancellationToken cancellationToken);

        Task<Result> ImportCatalogAsync(string json, bool dryRun, CancellationToken cancellationToken);

        Task<Result> ExportAsync(bool pending, CancellationToken cancellationToken);

        Task<Result> VersionsAsync(CancellationToken cancellationToken);

        Task<Result> VersionAsync(long number, CancellationToken cancellationToken);

        Task<Result> PublishAsync(string? comment, CancellationToken cancellationToken);

        Task<Result> RollbackAsync(long number, CancellationToken cancellationToken);
    }

    /// <summary>A running platform, through its REST API (what curl would do).</summary>
    private sealed class HttpTarget : ICatalogTarget
    {
        private readonly HttpClient _http;

        public HttpTarget(Uri server, string? token, CatalogAuthor author)
        {
            _http = new HttpClient { BaseAddress = server, Timeout = TimeSpan.FromSeconds(100) };
            if (!string.IsNullOrWhiteSpace(token))
            {
                _http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
            }

            _http.DefaultRequestHeaders.Add("X-Catalog-Author", author.Name);
            if (author.Comment is not null)
            {
                _http.DefaultRequestHeaders.Add("X-Catalog-Comment", author.Comment);
            }
        }

        public Task<Result> ListAsync(string kind, CancellationToken cancellationToken) => SendAsync(HttpMethod.Get, $"/api/v1/{kind}", null, cancellationToken);

        public Task<Result> AddProductionAsync(ServiceProductionRequest request, CancellationToken cancellationToken) =>
            SendAsync(HttpMethod.Post, "/api/v1/serviceProductions", JsonSerializer.Serialize(request, CatalogJson.Options), cancellationToken);

        public Task<Result> AddCooperationAsync(CooperationRequest request, CancellationToken cancellationToken) =>
            SendAsync(HttpMethod.Post, "/api/v1/cooperations", JsonSerializer.Serialize(request, CatalogJson.Options), cancellationToken);

        public Task<Result> DeleteAsync(string kind, long id, CancellationToken cancellationToken) =>
            SendAsync(HttpMethod.Delete, $"/api/v1/{kind}/{id}", null, cancellationToken);

        public Task<Result> ImportOrderAsync(string json, bool dryRun, CancellationToken cancellationToken) =>
            SendAsync(HttpMethod.Post, $"/api/v1/orders?dryRun={(dryRun ? "true" : "false")}", json, cancellationToken);

        public Task<Result> ImportCatalogAsync(string json, bool dryRun, CancellationToken cancellationToken) =>
            SendAsync(HttpMethod.Post, $"/api/v1/catalog/import?dryRun={(dryRun ? "true" : "false")}", json, cancellationToken);

        public Task<Result> ExportAsync(bool pending, CancellationToken cancellationToken) =>
            SendAsync(HttpMethod.Get, $"/api/v1/catalog/export?pending={(pending ? "true" : "false")}", null, cancellationToken);

        public Task<Result> VersionsAsync(CancellationToken cancellationToken) => SendAsync(HttpMethod.Get, "/api/v1/versions", null, cancellationToken);

        public Task<Result> VersionAsync(long number, CancellationToken cancellationToken) => SendAsync(HttpMethod.Get, $"/api/v1/versions/{number}", null, cancellationToken);

        public Task<Result> PublishAsync(string? comment, CancellationToken cancellationToken) =>
            SendAsync(HttpMethod.Post, "/api/v1/versions", JsonSerializer.Serialize(new PublishRequest(comment), CatalogJson.Options), cancellationToken);

        public Task<Result> RollbackAsync(long number, CancellationToken cancellationToken) =>
            SendAsync(HttpMethod.Post, $"/api/v1/versions/{number}/rollback", null, cancellationToken);

        public ValueTask DisposeAsync()
        {
            _http.Dispose();
            return ValueTask.CompletedTask;
        }

        private async Task<Result> SendAsync(HttpMethod method, string path, string? json, CancellationToken cancellationToken)
        {
            using var request = new HttpRequestMessage(method, path);
            if (json is not null)
            {
                request.Content = new StringContent(json, Encoding.UTF8, "application/json");
            }

            using var response = await _http.SendAsync(request, cancellationToken);
            var text = await response.Content.ReadAsStringAsync(cancellationToken);
            if (response.IsSuccessStatusCode)
            {
                return new Result(true, text.Length == 0 ? $"{(int)response.StatusCode} {response.ReasonPhrase}" : Pretty(text));
            }

            // A problem+json answer: its title and detail say what to fix.
            try
            {
                var problem = JsonNode.Parse(text);
                return new Result(false, $"{(int)response.StatusCode} {problem?["title"]}: {problem?["detail"]}");
            }
            catch (JsonException)
            {
                return new Result(false, $"{(int)response.StatusCode} {response.ReasonPhrase}: {text}");
            }
        }

        private static string Pretty(string json)
        {
            try
            {
                return JsonNode.Parse(json)?.ToJsonString(CatalogJson.Indented) ?? json;
            }
            catch (JsonException)
            {
                return json;
            }
        }
    }

    /// <summary>A data directory, through the same editor the platform uses.</summary>
    private sealed class OfflineTarget(OfflineCatalog catalog, CatalogAuthor author) : ICatalogTarget
    {
        public Task<Result> ListAsync(string kind, CancellationToken cancellationToken)
        {
            var working = catalog.Editor.Working;
            object list = kind switch
            {
                "serviceProductions" => working.ServiceProductions.Select(CatalogJson.ToJson).ToArray(),
                "cooperations" => working.Cooperations.Select(CatalogJson.ToJson).ToArray(),
                "components" => working.Components.Select(CatalogJson.ToJson).ToArray(),
                "serviceContracts" => working.ServiceContracts.Select(CatalogJson.ToJson).ToArray(),
                _ => working.LogicalAddresses.Select(CatalogJson.ToJson).ToArray(),
            };
            return Task.FromResult(Json(list));
        }

        public async Task<Result> AddProductionAsync(ServiceProductionRequest request, CancellationToken cancellationToken) =>
            Outcome(await catalog.Editor.EditAsync(edit => edit.AddServiceProduction(request), author, cancellationToken: cancellationToken), p => CatalogJson.ToJson(p));

        public async Task<Result> AddCooperationAsync(CooperationRequest request, CancellationToken cancellationToken) =>
            Outcome(await catalog.Editor.EditAsync(edit => edit.AddCooperation(request), author, cancellationToken: cancellationToken), c => CatalogJson.ToJson(c));

        public async Task<Result> DeleteAsync(string kind, long id, CancellationToken cancellationToken)
        {
            var entity = kind switch
            {
                "serviceProductions" => CatalogEntityKind.ServiceProduction,
                "cooperations" => CatalogEntityKind.Cooperation,
                "components" => CatalogEntityKind.Component,
                "serviceContracts" => CatalogEntityKind.ServiceContract,
                _ => CatalogEntityKind.LogicalAddress,
            };
            return Outcome(await catalog.Editor.EditAsync(edit => edit.Remove(entity, id), author, cancellationToken: cancellationToken), _ => new { deleted = id });
        }

        public async Task<Result> ImportOrderAsync(string json, bool dryRun, CancellationToken cancellationToken)
        {
            CatalogOrder? order;
            try
            {
                order = JsonSerializer.Deserialize<CatalogOrder>(json, CatalogJson.Options);
            }
            catch (JsonException ex)
            {
                return new Result(false, $"Malformed JSON: {ex.Message}");
            }

            if (order is null)
            {
                return new Result(false, "Malformed JSON: the order is null.");
            }

            var orderAuthor = new CatalogAuthor(string.IsNullOrWhiteSpace(order.Utforare) ? author.Name : order.Utforare, author.Comment ?? "JSON-beställning");
            var report = await catalog.ImportOrderAsync(order, orderAuthor, dryRun, cancellationToken);
            return report.Problem is { } problem ? Refusal(problem) : Json(report.Value!);
        }

        public async Task<Result> ImportCatalogAsync(string json, bool dryRun, CancellationToken cancellationToken)
        {
            CatalogDocumentJson? document;
            try
            {
                document = JsonSerializer.Deserialize<CatalogDocumentJson>(json, CatalogJson.Strict);
            }
            catch (JsonException ex)
            {
                return new Result(false, $"Malformed JSON: {ex.Message}");
            }

            if (document?.Format != CatalogJson.Format)
            {
                return new Result(false, $"Invalid catalog document: 'format' must be '{CatalogJson.Format}'.");
            }

            var outcome = await catalog.Editor.ImportAsync(CatalogJson.FromJson(document), author with { Comment = author.Comment ?? "Import of a whole catalog" }, dryRun, cancellationToken);
            return Outcome(outcome, counts => new { dryRun, counts });
        }

        public Task<Result> ExportAsync(bool pending, CancellationToken cancellationToken)
        {
            if (pending)
            {
                return Task.FromResult(Json(CatalogJson.ToJson(catalog.Editor.Working)));
            }

            var snapshot = catalog.Snapshots.Current!;
            var document = new Catalog.Model.CatalogDocument(snapshot.Components, snapshot.ServiceContracts, snapshot.LogicalAddresses, snapshot.ServiceProductions, snapshot.Cooperations);
            return Task.FromResult(Json(CatalogJson.ToJson(new Catalog.Model.CatalogVersion(snapshot.Version, snapshot.PublishedAt, "export", null, document))));
        }

        public async Task<Result> VersionsAsync(CancellationToken cancellationToken) =>
            Json(await catalog.Editor.ListVersionsAsync(cancellationToken));

        public async Task<Result> VersionAsync(long number, CancellationToken cancellationToken) =>
            await catalog.Editor.GetVersionAsync(number, cancellationToken) is { } version
                ? Json(CatalogJson.ToJson(version))
                : new Result(false, $"Not found: no published version {number} exists.");

        public async Task<Result> PublishAsync(string? comment, CancellationToken cancellationToken)
        {
            var published = await catalog.Editor.PublishAsync(author with { Comment = comment ?? author.Comment ?? "Published pending changes" }, cancellationToken);
            return published.Problem is { } problem ? Refusal(problem) : Json(published.Value!.Info);
        }

        public async Task<Result> RollbackAsync(long number, CancellationToken cancellationToken)
        {
            var rolledBack = await catalog.Editor.RollbackAsync(number, author, cancellationToken);
            return rolledBack.Problem is { } problem ? Refusal(problem) : Json(rolledBack.Value!.Info);
        }

        public ValueTask DisposeAsync() => catalog.DisposeAsync();

        private static Result Outcome<T>(CatalogResult<CatalogEditOutcome<T>> outcome, Func<T, object> shape) =>
            outcome.Problem is { } problem
                ? Refusal(problem)
                : Json(new { result = shape(outcome.Value!.Value), publishedVersion = outcome.Value.Published?.Number, changes = outcome.Value.Changes });

        private static Result Refusal(CatalogProblem problem) => new(false, $"{problem.Status} {problem.Title}: {problem.Detail}");

        private static Result Json(object value) => new(true, JsonSerializer.Serialize(value, value.GetType(), CatalogJson.Indented));
    }
}
