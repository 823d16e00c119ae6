using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Options;
using TjanstePlattform.Platform;

namespace TjanstePlattform.OperatorConsole.Calls;

/// <summary>
/// The live-call feed over REST (admin access): <c>GET /api/v1/calls?contract=&amp;sender=&amp;receiver=&amp;result=&amp;after=&amp;limit=</c>,
/// newest first; <c>GET /api/v1/calls/{correlationId}</c>, every routed call of that id with the aggregated fan-outs.
/// Person ids are masked unless <c>Console:ShowPersonIds</c> is on.
/// </summary>
internal static class CallsApi
{
    public const string BasePath = "/api/v1/calls";
    public const string NotFoundType = "urn:tjp:problem:call-not-found";
    public const string InvalidType = "urn:tjp:problem:invalid-call-query";
    public const int MaxLimit = 500;
    private const int MaxFilterLength = 256;

    public static void Map(IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapGroup(BasePath).RequireAdminAccess().WithTags("Live calls");
        group.MapGet("", List).WithName("ListCalls").WithSummary("Recent routed calls, newest first, filtered")
            .Produces<CallRecord[]>().ProducesProblem(400);
        group.MapGet("/{correlationId}", Get).WithName("GetCall").WithSummary("The routed calls and aggregated fan-outs of one correlation id")
            .Produces<CallDetailJson>().ProducesProblem(404);
    }

    private static IResult List(
        ICallFeed feed, IOptionsSnapshot<ConsoleOptions> options,
        string? contract, string? sender, string? receiver, string? result, long? after, int? limit)
    {
        var take = limit ?? 100;
        if (take is < 1 or > MaxLimit)
        {
            return Results.Problem(type: InvalidType, title: "Invalid query", statusCode: 400, detail: $"limit must be between 1 and {MaxLimit}.");
        }

        if (new[] { contract, sender, receiver, result }.Any(f => f?.Length > MaxFilterLength))
        {
            return Results.Problem(type: InvalidType, title: "Invalid query", statusCode: 400, detail: $"A filter is longer than {MaxFilterLength} characters.");
        }

        var calls = feed.Recent(c =>
                Contains(c.Contract, contract) && Contains(c.Sender, sender) && Contains(c.Receiver, receiver)
                && (string.IsNullOrEmpty(result) || string.Equals(c.Result, result, StringComparison.OrdinalIgnoreCase)),
            after ?? 0, take);
        var show = options.Value.ShowPersonIds;
        return Results.Ok(calls.Select(c => Masked(c, show)));
    }

    private static IResult Get(string correlationId, ICallFeed feed, IOptionsSnapshot<ConsoleOptions> options)
    {
        var calls = feed.ByCorrelationId(correlationId);
        var fanOuts = feed.FanOutsOf(correlationId);
        if (calls.Count == 0 && fanOuts.Count == 0)
        {
            return Results.Problem(type: NotFoundType, title: "Not found", statusCode: 404,
                detail: $"No call with correlation id '{correlationId}' is in the feed (it keeps the most recent calls only).");
        }

        var show = options.Value.ShowPersonIds;
        return Results.Ok(new CallDetailJson(
            correlationId,
            calls.Select(c => Masked(c, show)).ToArray(),
            fanOuts.Select(f => f with { PatientId = show ? f.PatientId : PersonIdMask.Mask(f.PatientId) }).ToArray()));
    }

    /// <summary>The call with person ids in its header values masked, unless the operator shows them.</summary>
    private static CallRecord Masked(CallRecord call, bool showPersonIds) => showPersonIds ? call : call with
    {
        RequestHeaders = Mask(call.RequestHeaders),
        ResponseHeaders = Mask(call.ResponseHeaders),
    };

    private static KeyValuePair<string, string>[] Mask(IReadOnlyList<KeyValuePair<string, string>> headers) =>
        headers.Select(h => new KeyValuePair<string, string>(h.Key, PersonIdMask.Mask(h.Value))).ToArray();

    private static bool Contains(string? value, string? filter) =>
        string.IsNullOrEmpty(filter) || (value is not null && value.Contains(filter, StringComparison.OrdinalIgnoreCase));
}

/// <summary>Every routed call of one correlation id (an aggregated call and its branches) and the fan-outs.</summary>
internal sealed record CallDetailJson(string CorrelationId, IReadOnlyList<CallRecord> Calls, IReadOnlyList<FanOut> FanOuts);
