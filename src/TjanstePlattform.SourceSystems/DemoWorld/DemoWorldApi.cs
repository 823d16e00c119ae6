using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using TjanstePlattform.Platform;
using TjanstePlattform.SourceSystems.FaultInjection;

namespace TjanstePlattform.SourceSystems.DemoWorld;

/// <summary><c>POST /api/v1/sourceSystems/reset</c> (admin access): the demo world back to its data files.</summary>
internal static class DemoWorldApi
{
    public static void Map(IEndpointRouteBuilder endpoints)
    {
        endpoints.MapPost(FaultInjectionApi.BasePath + "/reset", async (DemoWorldState state, HttpContext context) =>
        {
            var engagementIndexUpdated = await state.ResetAsync(context.RequestAborted);
            return Results.Ok(new { reset = true, engagementIndexUpdated });
        }).RequireAdminAccess().WithTags("Source systems")
            .WithName("ResetDemoWorld").WithSummary("Put the built-in source systems' data back to their files and re-report their engagements to EI");
    }
}
