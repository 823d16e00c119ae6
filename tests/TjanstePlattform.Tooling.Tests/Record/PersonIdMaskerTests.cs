using TjanstePlattform.Tooling.Record;

namespace TjanstePlattform.Tooling.Tests.Record;

public class PersonIdMaskerTests
{
    [Test]
    public void Replaces_each_person_id_by_the_same_stand_in_every_time()
    {
        var masker = new PersonIdMasker();
        var masked = masker.Mask("<id>191212121212</id><id>121212121212</id><x a=\"191212121212\"/>");
        Assert.That(masked, Is.EqualTo("<id>190001010001</id><id>190001010002</id><x a=\"190001010001\"/>"));
        Assert.That(masker.Mask("191212121212"), Is.EqualTo("190001010001"));
        Assert.That(masker.Count, Is.EqualTo(2));
    }

    [TestCase("20130601120000", Description = "a 14-digit timestamp")]
    [TestCase("SE2321000131-E000000000001", Description = "an HSA-id with 12 digits after a letter")]
    [TestCase("5565594230", Description = "an organisation number")]
    [TestCase("1912121212123", Description = "13 digits")]
    [TestCase("19121212-1212", Description = "a person id with a hyphen is not \\d{12}")]
    public void Leaves_other_numbers_alone(string text)
    {
        Assert.That(new PersonIdMasker().Mask(text), Is.EqualTo(text));
    }
}
