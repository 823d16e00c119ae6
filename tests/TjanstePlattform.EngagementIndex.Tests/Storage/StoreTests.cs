using Microsoft.Extensions.Logging.Abstractions;
using TjanstePlattform.EngagementIndex.Engagements;
using TjanstePlattform.EngagementIndex.Storage;

namespace TjanstePlattform.EngagementIndex.Tests.Storage;

/// <summary>Change detection and the transactional outbox of the SQLite store.</summary>
[TestFixture]
public sealed class StoreTests
{
    private string _directory = null!;
    private SqliteEngagementStore _store = null!;

    [SetUp]
    public void Open()
    {
        _directory = Path.Combine(Path.GetTempPath(), "tjp-tests", "ei-store-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(_directory);
        _store = new SqliteEngagementStore(Path.Combine(_directory, "ei.db"), 2, TimeProvider.System, NullLogger<SqliteEngagementStore>.Instance);
    }

    [TearDown]
    public void Close()
    {
        _store.Dispose();
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
    public void A_failure_inside_the_batch_rolls_back_engagements_and_outbox_alike()
    {
        Assert.ThrowsAsync<InvalidOperationException>(() => _store.ApplyAsync(
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
    public async Task A_database_of_the_first_clustered_layout_is_migrated_with_its_engagements()
    {
        _store.Dispose();
        var path = Path.Combine(_directory, "old.db");
        var e = Engagement();
        using (var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={path};Pooling=False"))
        {
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = """
                CREATE TABLE engagement(ekey BLOB NOT NULL PRIMARY KEY, resident TEXT NOT NULL, service_domain TEXT NOT NULL,
                    categorization TEXT NOT NULL, logical_address TEXT NOT NULL, business_object_id TEXT NOT NULL,
                    clinical_process_interest_id TEXT NOT NULL, most_recent_content TEXT, source_system TEXT NOT NULL,
                    data_controller TEXT NOT NULL, owner TEXT NOT NULL, creation_time TEXT NOT NULL, update_time TEXT,
                    changed_time TEXT NOT NULL) WITHOUT ROWID;
                CREATE INDEX ix_engagement_find ON engagement(resident, service_domain, categorization);
                INSERT INTO engagement VALUES($k, '191212121212', 'riv:crm:scheduling', 'NA', 'SE-LA', 'NA', 'NA', '20240101120000',
                    'SE-SRC', 'SE-DC', 'OWNER', '20240101120000', NULL, '20240101120000');
                """;
            command.Parameters.AddWithValue("$k", EngagementKey.Of(e).ToArray());
            command.ExecuteNonQuery();
        }

        _store = new SqliteEngagementStore(path, 2, TimeProvider.System, NullLogger<SqliteEngagementStore>.Instance);

        Assert.That(_store.Find(new EngagementQuery("191212121212", "riv:crm:scheduling")).Single().CreationTime, Is.EqualTo("20240101120000"));
        Assert.That(await ApplyAsync(Save(e)), Is.Empty, "the migrated row keeps its key");
        Assert.That((await ApplyAsync(Delete(e))).Single().Kind, Is.EqualTo(EngagementChangeKind.Deleted));
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
}
