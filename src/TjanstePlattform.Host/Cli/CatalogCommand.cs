using System.Globalization;
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

    public const string Usage = """
        Usage: tjp catalog [--server <url> | --data <dir>] [--token <t>] [--author <name>] [--comment <text>] <command>
          list [productions|cooperations|components|contracts|addresses]   the pending catalog (default: productions)
          add production --producer <hsaId> --logical-address <la|*> --contract <namespace> --address <url>
                         [--profile RIVTABP21|RIVTABP20] [--from yyyy-MM-dd] [--to yyyy-MM-dd]
          add cooperation --consumer <hsaId> --logical-address <la|*> --contract <namespace>
                         [--from yyyy-MM-dd] [--to yyyy-MM-dd] [--filter <serviceDomain>[=cat1,cat2]]... [--agreement <id>]
          delete <productions|cooperations|components|contracts|addresses> <id>
          import order <file.json> [--dry-run]        a TAK JSON-beställning
          import catalog <file.json> [--dry-run]      a whole catalog (export or version format)
          export [--pending] [--output <file>]        the published catalog (or the pending one)
          versions | version <n> | publish | rollback <n>
        --server defaults to http://127.0.0.1:8080; --token defaults to $TJP_ADMIN_TOKEN.
        Exit code: 0 done, 1 refused by the catalog, 2 usage error, 3 platform or data directory unavailable.
        """;

    private static readonly Dictionary<string, string> Kinds = new(StringComparer.OrdinalIgnoreCase)
    {
        ["productions"] = "serviceProductions",
        ["serviceProductions"] = "serviceProductions",
        ["cooperations"] = "cooperations",
        ["components"] = "components",
        ["contracts"] = "serviceContracts",
        ["serviceContracts"] = "serviceContracts",
        ["addresses"] = "logicalAddresses",
        ["logicalAddresses"] = "logicalAddresses",
    };

    public static Task<int> RunAsync(string[] args, CancellationToken cancellationToken = default)
        => RunAsync(args, Console.Out, Console.Error, cancellationToken);

    public static async Task<int> RunAsync(string[] args, TextWriter output, TextWriter error, CancellationToken cancellationToken = default)
    {
        Invocation invocation;
        try
        {
            invocation = Invocation.Parse(args);
        }
        catch (UsageException ex)
        {
            await error.WriteLineAsync($"tjp catalog: {ex.Message}");
            await error.WriteLineAsync(Usage);
            return UsageError;
        }

        if (invocation.Words.Count == 0 || invocation.Words[0] is "help" or "-h" or "--help")
        {
            await output.WriteLineAsync(Usage);
            return invocation.Words.Count == 0 ? UsageError : Success;
        }

        try
        {
            await using var target = await OpenAsync(invocation, cancellationToken);
            var result = await DispatchAsync(target, invocation, cancellationToken);
            await (result.Success ? output : error).WriteLineAsync(result.Text);
            return result.Success ? Success : Refused;
        }
        catch (UsageException ex)
        {
            await error.WriteLineAsync($"tjp catalog: {ex.Message}");
            await error.WriteLineAsync(Usage);
            return UsageError;
        }
        catch (Exception ex) when (ex is HttpRequestException or CatalogStoreException or TaskCanceledException or IOException or UnauthorizedAccessException)
        {
            await error.WriteLineAsync($"tjp catalog: {ex.Message}");
            return Unavailable;
        }
    }

    private static async Task<ICatalogTarget> OpenAsync(Invocation invocation, CancellationToken cancellationToken)
    {
        if (invocation.Data is { } data)
        {
            if (invocation.Server is not null)
            {
                throw new UsageException("give either --server or --data, not both.");
            }

            return new OfflineTarget(await OfflineCatalog.OpenAsync(Path.GetFullPath(data), cancellationToken: cancellationToken), invocation.Author);
        }

        var server = invocation.Server ?? "http://127.0.0.1:8080";
        if (!Uri.TryCreate(server, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https"))
        {
            throw new UsageException($"--server must be an http(s) URL: '{server}'.");
        }

        var token = invocation.Token ?? Environment.GetEnvironmentVariable("TJP_ADMIN_TOKEN");
        return new HttpTarget(uri, token, invocation.Author);
    }

    private static Task<Result> DispatchAsync(ICatalogTarget target, Invocation invocation, CancellationToken cancellationToken)
    {
        var words = invocation.Words;
        string Word(int index, string what) => words.Count > index ? words[index] : throw new UsageException($"missing {what}.");
        long Number(int index, string what) => long.TryParse(Word(index, what), NumberStyles.None, CultureInfo.InvariantCulture, out var n)
            ? n : throw new UsageException($"{what} must be a number: '{words[index]}'.");
        string Kind(int index) => Kinds.TryGetValue(Word(index, "entity kind"), out var kind)
            ? kind : throw new UsageException($"unknown entity kind '{words[index]}'.");

        return (words[0].ToLowerInvariant(), words.Count > 1 ? words[1].ToLowerInvariant() : null) switch
        {
            ("list", _) => target.ListAsync(words.Count > 1 ? Kind(1) : "serviceProductions", cancellationToken),
            ("add", "production") => target.AddProductionAsync(new ServiceProductionRequest(
                invocation.Required("--producer"), invocation.Required("--logical-address"), invocation.Required("--contract"),
                invocation.Required("--address"), invocation.Option("--profile") ?? "RIVTABP21", invocation.Option("--from"), invocation.Option("--to")), cancellationToken),
            ("add", "cooperation") => target.AddCooperationAsync(new CooperationRequest(
                invocation.Required("--consumer"), invocation.Required("--logical-address"), invocation.Required("--contract"),
                invocation.Option("--from"), invocation.Option("--to"), invocation.Filters(), invocation.Option("--agreement")), cancellationToken),
            ("add", _) => throw new UsageException("add what? 'add production' or 'add cooperation'."),
            ("delete", _) => target.DeleteAsync(Kind(1), Number(2, "id"), cancellationToken),
            ("import", "order") => target.ImportOrderAsync(ReadFile(Word(2, "order file")), invocation.DryRun, cancellationToken),
            ("import", "catalog") => target.ImportCatalogAsync(ReadFile(Word(2, "catalog file")), invocation.DryRun, cancellationToken),
            ("import", _) => throw new UsageException("import what? 'import order <file>' or 'import catalog <file>'."),
            ("export", _) => ExportAsync(target, invocation, cancellationToken),
            ("versions", _) => target.VersionsAsync(cancellationToken),
            ("version", _) => target.VersionAsync(Number(1, "version number"), cancellationToken),
            ("publish", _) => target.PublishAsync(invocation.Comment, cancellationToken),
            ("rollback", _) => target.RollbackAsync(Number(1, "version number"), cancellationToken),
            _ => throw new UsageException($"unknown command '{string.Join(' ', words)}'."),
        };
    }

    private static async Task<Result> ExportAsync(ICatalogTarget target, Invocation invocation, CancellationToken cancellationToken)
    {
        var result = await target.ExportAsync(invocation.Pending, cancellationToken);
        if (result.Success && invocation.Option("--output") is { } file)
        {
            await File.WriteAllTextAsync(file, result.Text, new UTF8Encoding(false), cancellationToken);
            return new Result(true, $"Exported to {Path.GetFullPath(file)}");
        }

        return result;
    }

    private static string ReadFile(string path) =>
        File.Exists(path) ? File.ReadAllText(path) : throw new UsageException($"no such file: {path}");

    /// <summary>What a command printed: JSON on success, the refusal's reason otherwise.</summary>
    private sealed record Result(bool Success, string Text);

    private sealed class UsageException(string message) : Exception(message);

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

    /// <summary>The parsed command line: target options, command words, command options.</summary>
    private sealed class Invocation
    {
        private static readonly HashSet<string> Flags = new(StringComparer.Ordinal) { "--dry-run", "--pending" };

        private readonly Dictionary<string, string> _options = new(StringComparer.Ordinal);
        private readonly List<string> _filters = [];

        public List<string> Words { get; } = [];

        public string? Server => Option("--server");

        public string? Data => Option("--data");

        public string? Token => Option("--token");

        public string? Comment => Option("--comment");

        public bool DryRun { get; private set; }

        public bool Pending { get; private set; }

        public CatalogAuthor Author => new(Option("--author") ?? Environment.UserName ?? "cli", Comment);

        public static Invocation Parse(string[] args)
        {
            var invocation = new Invocation();
            for (var i = 0; i < args.Length; i++)
            {
                var arg = args[i];
                if (!arg.StartsWith("--", StringComparison.Ordinal))
                {
                    invocation.Words.Add(arg);
                    continue;
                }

                var equals = arg.IndexOf('=', StringComparison.Ordinal);
                var name = equals > 2 ? arg[..equals] : arg;
                if (Flags.Contains(name))
                {
                    invocation.DryRun |= name == "--dry-run";
                    invocation.Pending |= name == "--pending";
                    continue;
                }

                var value = equals > 2 ? arg[(equals + 1)..] : i + 1 < args.Length ? args[++i] : throw new UsageException($"{name} needs a value.");
                if (name == "--filter")
                {
                    invocation._filters.Add(value);
                }
                else if (!invocation._options.TryAdd(name, value))
                {
                    throw new UsageException($"{name} is given twice.");
                }
            }

            return invocation;
        }

        public string? Option(string name) => _options.GetValueOrDefault(name);

        public string Required(string name) => Option(name) ?? throw new UsageException($"{name} is required.");

        /// <summary><c>--filter domain=cat1,cat2</c> (categorizations optional), repeatable.</summary>
        public CooperationFilterRequest[]? Filters() => _filters.Count == 0
            ? null
            : _filters.Select(f =>
            {
                var parts = f.Split('=', 2);
                var categorizations = parts.Length == 2 ? parts[1].Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries) : [];
                return new CooperationFilterRequest(parts[0].Trim(), categorizations);
            }).ToArray();
    }
}
