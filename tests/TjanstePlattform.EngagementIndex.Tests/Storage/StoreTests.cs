using Microsoft.Extensions.Logging.Abstractions;
using TjanstePlattform.EngagementIndex.Engagements;
using TjanstePlattform.EngagementIndex.Storage;
using TjanstePlattform.Platform;
using TjanstePlattform.Testing.Postgres;

namespace TjanstePlattform.EngagementIndex.Tests.Storage;

/// <summary>Change detection and the transactional outbox, on both store providers.</summary>
[TestFixture(StorageProvider.Sqlite)]
[TestFixture(StorageProvider.PostgreSql)]
public sealed class StoreTests(StorageProvider provider)
{
    private string _directory = null!;
    private PostgresDatabase? _database;
    private IEngagementStore _engagements = null!;
    private INotificationOutbox _outbox = null!;
    private IDisposable? _owned;

    /// <summary>Both interfaces of the store under test (each implementation is both).</summary>
    private StoreUnderTest _store = null!;

    [SetUp]
    public async Task Open()
    {
        _directory = Path.Combine(Path.GetTempPath(), "tjp-tests", "ei-store-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(_directory);
        if (provider == StorageProvider.PostgreSql)
        {
            _database = new PostgresDatabase(await PostgresServer.NewDatabaseAsync(), NullLogger<PostgresDatabase>.Instance);
            var postgres = new PostgresEngagementStore(_database, TimeProvider.System, NullLogger<PostgresEngagementStore>.Instance);
            (_engagements, _outbox) = (postgres, postgres);
        }
        else
        {
            var sqlite = new SqliteEngagementStore(Path.Combine(_directory, "ei.db"), 2, TimeProvider.System, NullLogger<SqliteEngagementStore>.Instance);
            (_engagements, _outbox, _owned) = (sqlite, sqlite, sqlite);
        }

        _store = new StoreUnderTest(_engagements, _outbox);
    }

    [TearDown]
    public void Close()
    {
        _owned?.Dispose();
        _database?.Dispose();
        Directory.Delete(_directory, recursive: true);
    }

    private static Engagement Engagement(string boi = "NA", string? mostRecentContent = "20240101120000", string owner = "OWNER") =>
        new("191212121212", "riv:crm:scheduling", "NA", "SE-LA", boi, "NA", mostRecentContent, "SE-SRC", "SE-DC", owner, null, null);

    private static EngagementWrite Save(Engagement e) => new(false, e, EngagementKey.Of(e));

    private static EngagementWrite Delete(Engagement e) => new(true, e, EngagementKey.Of(e));

    private async Task<IReadOnlyList<EngagementChange>> ApplyAsync(params EngagementWrite[] writes) =>
        (await _store.ApplyAsync(writes, "20250101120000", null)).Changes;

    [Test]
    public async Task Only_new_deleted_or_content_changed_engagements_are_changes()
    {
        var created = await ApplyAsync(Save(Engagement()));
        var identical = await ApplyAsync(Save(Engagement()));
        var changed = await ApplyAsync(Save(Engagement(mostRecentContent: "20240202120000")));
        var toNull = await ApplyAsync(Save(Engagement(mostRecentContent: null)));
        var deleted = await ApplyAsync(Delete(Engagement()));
        var deletedAgain = await ApplyAsync(Delete(Engagement()));

        Assert.Multiple(() =>
        {
            Assert.That(created.Select(c => c.Kind), Is.EqualTo(new[] { EngagementChangeKind.Created }));
            Assert.That(created[0].Engagement.CreationTime, Is.EqualTo("20250101120000"));
            Assert.That(identical, Is.Empty);
            Assert.That(changed.Select(c => c.Kind), Is.EqualTo(new[] { EngagementChangeKind.ContentChanged }));
            Assert.That(changed[0].Engagement.UpdateTime, Is.EqualTo("20250101120000"));
            Assert.That(toNull.Select(c => c.Kind), Is.EqualTo(new[] { EngagementChangeKind.ContentChanged }));
            Assert.That(deleted.Select(c => c.Kind), Is.EqualTo(new[] { EngagementChangeKind.Deleted }));
            Assert.That(deletedAgain, Is.Empty);
            Assert.That(_store.Count(), Is.Zero);
        });
    }

    [Test]
    public async Task Outbox_rows_are_written_with_the_batch()
    {
        var result = await _store.ApplyAsync([Save(Engagement())], "20250101120000",
            changes => [new OutboxEntry("SUB-A", "<x/>", changes.Count), new OutboxEntry("SUB-B", "<y/>", changes.Count)]);

        Assert.That(result.Subscribers, Is.EqualTo(new[] { "SUB-A", "SUB-B" }));
        var head = await _store.PeekAsync("SUB-A");
        Assert.That(head!.Payload, Is.EqualTo("<x/>"));
        Assert.That((await _store.PendingAsync()).Select(p => p.Subscriber), Is.EqualTo(new[] { "SUB-A", "SUB-B" }));
    }

    [Test]
    public async Task No_outbox_rows_when_nothing_changed()
    {
        await ApplyAsync(Save(Engagement()));
        var planned = false;

        await _store.ApplyAsync([Save(Engagement())], "20250101120000", _ => { planned = true; return [new OutboxEntry("SUB", "<x/>", 1)]; });

        Assert.That(planned, Is.False);
        Assert.That(await _store.PendingAsync(), Is.Empty);
    }

    [Test]
    public async Task A_failure_inside_the_batch_rolls_back_engagements_and_outbox_alike()
    {
        await Assert.ThrowsAsync<InvalidOperationException>(() => _store.ApplyAsync(
            [Save(Engagement("a")), Save(Engagement("b"))], "20250101120000",
            _ => throw new InvalidOperationException("boom")));

        Assert.That(_store.Count(), Is.Zero);
    }

    [Test]
    public async Task A_replaced_twin_is_reported_as_deleted()
    {
        var local = Engagement(owner: "LOCAL");
        await ApplyAsync(Save(local));
        var remote = Engagement(owner: "REMOTE");

        var changes = await ApplyAsync(new EngagementWrite(false, remote, EngagementKey.Of(remote), EngagementKey.WithOwner(remote, "LOCAL")));

        Assert.That(changes.Select(c => (c.Kind, c.Engagement.Owner)), Is.EqualTo(new[]
        {
            (EngagementChangeKind.Deleted, "LOCAL"),
            (EngagementChangeKind.Created, "REMOTE"),
        }));
        Assert.That(_store.Count(), Is.EqualTo(1));
    }

    [Test]
    public async Task Dead_letters_can_be_replayed_to_the_end_of_the_queue()
    {
        await _store.ApplyAsync([Save(Engagement())], "20250101120000", _ => [new OutboxEntry("SUB", "<first/>", 1)]);
        await _store.ApplyAsync([Save(Engagement("other"))], "20250101120000", _ => [new OutboxEntry("SUB", "<second/>", 1)]);
        var first = (await _store.PeekAsync("SUB"))!;
        Assert.That(await _store.RecordFailedAttemptAsync(first.Id, "HTTP 500"), Is.EqualTo(1));

        await _store.DeadLetterAsync(first.Id, DateTimeOffset.UtcNow);
        var letter = (await _store.DeadLettersAsync()).Single();
        var replayed = await _store.ReplayAsync(letter.Id, DateTimeOffset.UtcNow);

        Assert.That(letter.Attempts, Is.EqualTo(1));
        Assert.That(letter.LastError, Is.EqualTo("HTTP 500"));
        Assert.That(replayed!.Payload, Is.EqualTo("<first/>"));
        Assert.That(replayed.Attempts, Is.Zero);
        Assert.That((await _store.PeekAsync("SUB"))!.Payload, Is.EqualTo("<second/>"));
        Assert.That(await _store.DeadLettersAsync(), Is.Empty);
        Assert.That(await _store.ReplayAsync(letter.Id, DateTimeOffset.UtcNow), Is.Null);
    }

    [Test]
    public async Task Concurrent_batches_over_the_same_engagements_in_opposite_orders_all_commit()
    {
        var forward = Enumerable.Range(0, 200).Select(i => Save(Engagement($"boi-{i}"))).ToArray();
        var backward = forward.Reverse().Select(w => Save(w.Engagement with { MostRecentContent = "20240303120000" })).ToArray();

        await Task.WhenAll(
            Task.Run(() => _store.ApplyAsync(forward, "20250101120000", null)),
            Task.Run(() => _store.ApplyAsync(backward, "20250101120000", null)));

        Assert.That(_store.Count(), Is.EqualTo(200));
    }
}

/// <summary>The two interfaces of one store as one object, so the tests read as before.</summary>
internal sealed class StoreUnderTest(IEngagementStore engagements, INotificationOutbox outbox) : IEngagementStore, INotificationOutbox
{
    public Task<EngagementWriteResult> ApplyAsync(IReadOnlyList<EngagementWrite> writes, string now,
        Func<IReadOnlyList<EngagementChange>, IReadOnlyList<OutboxEntry>>? planNotifications, CancellationToken cancellationToken = default) =>
        engagements.ApplyAsync(writes, now, planNotifications, cancellationToken);

    public IReadOnlyList<Engagement> Find(EngagementQuery query) => engagements.Find(query);

    public UpdatesPage GetUpdates(string serviceDomain, string since, string? afterResident, int pageSize) =>
        engagements.GetUpdates(serviceDomain, since, afterResident, pageSize);

    public long Count() => engagements.Count();

    public Task<OutboxMessage?> PeekAsync(string subscriber, CancellationToken cancellationToken = default) => outbox.PeekAsync(subscriber, cancellationToken);

    public Task<IReadOnlyList<PendingQueue>> PendingAsync(CancellationToken cancellationToken = default) => outbox.PendingAsync(cancellationToken);

    public Task<int> RecordFailedAttemptAsync(long id, string error, CancellationToken cancellationToken = default) =>
        outbox.RecordFailedAttemptAsync(id, error, cancellationToken);

    public Task CompleteAsync(long id, CancellationToken cancellationToken = default) => outbox.CompleteAsync(id, cancellationToken);

    public Task DeadLetterAsync(long id, DateTimeOffset at, CancellationToken cancellationToken = default) => outbox.DeadLetterAsync(id, at, cancellationToken);

    public Task<IReadOnlyList<DeadLetter>> DeadLettersAsync(CancellationToken cancellationToken = default) => outbox.DeadLettersAsync(cancellationToken);

    public Task<DeadLetter?> FindDeadLetterAsync(long id, CancellationToken cancellationToken = default) => outbox.FindDeadLetterAsync(id, cancellationToken);

    public Task<OutboxMessage?> ReplayAsync(long deadLetterId, DateTimeOffset at, CancellationToken cancellationToken = default) =>
        outbox.ReplayAsync(deadLetterId, at, cancellationToken);

    public Task<bool> DiscardAsync(long deadLetterId, CancellationToken cancellationToken = default) => outbox.DiscardAsync(deadLetterId, cancellationToken);
}
