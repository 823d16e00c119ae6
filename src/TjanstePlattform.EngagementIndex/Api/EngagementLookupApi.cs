using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using TjanstePlattform.EngagementIndex.Engagements;
using TjanstePlattform.Platform;

namespace TjanstePlattform.EngagementIndex.Api;

/// <summary>
/// <c>GET /api/v1/engagementIndex/engagements?personId=&amp;serviceDomain=</c> (admin access): the engagements of one
/// person in one service domain, as FindContent finds them; for the operator console's look-up per person.
/// </summary>
internal static class EngagementLookupApi
{
    public const string InvalidType = "urn:tjp:problem:invalid-engagement-query";
    private const int MaxPersonIdLength = 64;
    private const int MaxServiceDomainLength = 256;

    public static void Map(IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet(DeadLetterApi.BasePath + "/engagements", FindAsync)
            .RequireAdminAccess().WithTags("EngagementIndex").WithName("FindEngagements")
            .WithSummary("The engagements of one person in one service domain (FindContent)")
            .Produces<Engagement[]>().ProducesProblem(400);
    }

    private static async Task<IResult> FindAsync(string? personId, string? serviceDomain, IEngagementFinder finder, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        if (string.IsNullOrWhiteSpace(personId) || personId.Length > MaxPersonIdLength)
        {
            errors["personId"] = [$"Required, at most {MaxPersonIdLength} characters."];
        }

        if (string.IsNullOrWhiteSpace(serviceDomain) || serviceDomain.Length > MaxServiceDomainLength)
        {
            errors["serviceDomain"] = [$"Required, at most {MaxServiceDomainLength} characters (for example riv:clinicalprocess:activityprescription:actoutcome)."];
        }

        if (errors.Count > 0)
        {
            return Results.ValidationProblem(errors, type: InvalidType, title: "Invalid engagement query");
        }

        var found = await finder.FindAsync(new EngagementQuery(personId!.Trim(), serviceDomain!.Trim()), cancellationToken).ConfigureAwait(false);
        return Results.Ok(found);
    }
}
