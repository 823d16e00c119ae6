using TjanstePlattform.EngagementIndex.Engagements;

namespace TjanstePlattform.EngagementIndex.Tests.Engagements;

public sealed class EngagementKeyTests
{
    private static EngagementKey Key(string boi = "NA", string cpi = "NA", string? categorization = "cat", string owner = "O") =>
        EngagementKey.Of("191212121212", "dom", categorization, "la", boi, cpi, "src", "dc", owner);

    [Test]
    public void Moving_characters_between_fields_gives_another_key() =>
        Assert.That(Key(boi: "ab", cpi: "c"), Is.Not.EqualTo(Key(boi: "a", cpi: "bc")));

    [Test]
    public void Empty_and_missing_optional_fields_count_as_NA()
    {
        Assert.That(Key(categorization: ""), Is.EqualTo(Key(categorization: "NA")));
        Assert.That(Key(categorization: null), Is.EqualTo(Key(categorization: "NA")));
        Assert.That(Key(boi: ""), Is.EqualTo(Key(boi: "NA")));
    }

    [Test]
    public void The_owner_is_part_of_the_key() => Assert.That(Key(owner: "A"), Is.Not.EqualTo(Key(owner: "B")));

    [Test]
    public void Keys_are_case_sensitive_like_the_stored_values() => Assert.That(Key(boi: "x"), Is.Not.EqualTo(Key(boi: "X")));

    [Test]
    public void Equal_fields_give_equal_keys()
    {
        Assert.That(Key(), Is.EqualTo(Key()));
        Assert.That(Key().ToString(), Has.Length.EqualTo(64));
    }
}
