using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using TjanstePlattform.EngagementIndex.Notifications;
using TjanstePlattform.EngagementIndex.Storage;
using TjanstePlattform.Platform;

namespace TjanstePlattform.EngagementIndex.Api;

/// <summary>
/// REST API of the notification outbox (admin access): the dead letters (notifications given up after
/// <c>EngagementIndex:Notifications:MaxAttempts</c> tries), replay and discard, and the pending queues.
/// </summary>
internal static class DeadLetterApi
{
    public const string BasePath = "/api/v1/engagementIndex";
    public const string NotFoundType = "urn:tjp:problem:ei-dead-letter-not-found";

    public static void Map(IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapGroup(BasePath).RequireAdminAccess().WithTags("EngagementIndex");

        group.MapGet("/deadLetters", async (INotificationOutbox outbox, CancellationToken ct) =>
            Results.Ok((await outbox.DeadLettersAsync(ct)).Select(Summary)))
            .WithName("ListDeadLetters").WithSummary("List the EI notifications that could not be delivered (dead letters)");

        group.MapGet("/deadLetters/{id:long}", async (long id, INotificationOutbox outbox, CancellationToken ct) =>
            await outbox.FindDeadLetterAsync(id, ct) is { } letter ? Results.Ok(Detail(letter)) : NotFound(id))
            .WithName("GetDeadLetter").WithSummary("Get one dead letter with its last error").ProducesProblem(404);

        group.MapPost("/deadLetters/{id:long}/replay", async (long id, INotificationOutbox outbox, INotificationSignal signal, TimeProvider time, CancellationToken ct) =>
        {
            var message = await outbox.ReplayAsync(id, time.GetUtcNow(), ct);
            if (message is null)
            {
                return NotFound(id);
            }

            signal.Wake(message.Subscriber);
            return Results.Accepted(value: new { outboxId = message.Id, message.Subscriber, message.EngagementCount });
        }).WithName("ReplayDeadLetter").WithSummary("Queue one dead letter for delivery again").Produces(202).ProducesProblem(404);

        group.MapPost("/deadLetters/replay", async (INotificationOutbox outbox, INotificationSignal signal, TimeProvider time, CancellationToken ct) =>
        {
            var replayed = new List<long>();
            foreach (var letter in await outbox.DeadLettersAsync(ct))
            {
                if (await outbox.ReplayAsync(letter.Id, time.GetUtcNow(), ct) is { } message)
                {
                    replayed.Add(letter.Id);
                    signal.Wake(message.Subscriber);
                }
            }

            return Results.Accepted(value: new { replayed });
        }).WithName("ReplayDeadLetters").WithSummary("Queue every dead letter for delivery again").Produces(202);

        group.MapDelete("/deadLetters/{id:long}", async (long id, INotificationOutbox outbox, CancellationToken ct) =>
            await outbox.DiscardAsync(id, ct) ? Results.NoContent() : NotFound(id))
            .WithName("DeleteDeadLetter").WithSummary("Discard a dead letter").Produces(204).ProducesProblem(404);

        group.MapGet("/notifications/pending", async (INotificationOutbox outbox, CancellationToken ct) =>
            Results.Ok(await outbox.PendingAsync(ct)))
            .WithName("ListPendingNotifications").WithSummary("List the EI notifications waiting for delivery, per subscriber");
    }

    private static object Summary(DeadLetter d) => new
    {
        d.Id,
        d.Subscriber,
        d.EngagementCount,
        d.CreatedAt,
        d.DeadAt,
        d.Attempts,
        d.LastError,
    };

    private static object Detail(DeadLetter d) => new
    {
        d.Id,
        d.Subscriber,
        d.EngagementCount,
        d.CreatedAt,
        d.DeadAt,
        d.Attempts,
        d.LastError,
        payload = d.Payload,
    };

    private static IResult NotFound(long id) => Results.Problem(
        statusCode: StatusCodes.Status404NotFound,
        type: NotFoundType,
        title: "Dead letter not found",
        detail: $"There is no dead letter {id}.");
}
