using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using TjanstePlattform.Catalog.Editing;

namespace TjanstePlattform.Catalog.Api;

/// <summary>Writes a <see cref="CatalogProblem"/> as RFC 7807 problem+json, with the conflicting id and field as extensions.</summary>
internal static class ProblemResults
{
    public static IResult ToResult(this CatalogProblem problem, HttpContext context)
    {
        var details = new ProblemDetails
        {
            Type = problem.Type,
            Title = problem.Title,
            Status = problem.Status,
            Detail = problem.Detail,
            Instance = context.Request.Path,
        };
        if (problem.ConflictingId is { } id)
        {
            details.Extensions["conflictingId"] = id;
        }

        if (problem.Field is { } field)
        {
            details.Extensions["field"] = field;
        }

        return Results.Problem(details);
    }
}
