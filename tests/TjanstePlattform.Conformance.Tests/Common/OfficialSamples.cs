using TjanstePlattform.Testing;

namespace TjanstePlattform.Conformance.Tests.Common;

/// <summary>
/// The official sample messages below <c>../shared/rivta/samples</c>, as NUnit test cases named by file,
/// plus the two lists every conformance test consults by file name:
/// <see cref="KnownInvalid"/> (expected results, asserted) and <see cref="Placeholders"/> (skipped, named).
/// </summary>
public static class OfficialSamples
{
    /// <summary>
    /// Official samples that are not schema-valid as they are (../shared/rivta/README.md), with a fragment
    /// of the validation message that states why. Tests assert these are invalid for that reason.
    /// </summary>
    public static readonly IReadOnlyDictionary<string, KnownInvalidSample> KnownInvalid = new Dictionary<string, KnownInvalidSample>(StringComparer.Ordinal)
    {
        ["GetMedicationHistory/01_request_noname.xml"] = new("stale pre-release namespace", "urn:clinicalprocess:activityprescription:actoutcome:GetMedicationHistoryResponder:1"),
        ["GetMedicationHistory/05_response_Full_Response_-_Not_schematron_valid.xml"] = new("stale pre-release namespace", "urn:clinicalprocess:activityprescription:actoutcome:GetMedicationHistoryResponder:1"),
        ["GetMedicationHistory/testsuite_01_request_noname.xml"] = new("stale pre-release namespace", "urn:riv:clinicalprocess:activityprescription:actoutcome:GetMedicationHistoryResponder:1"),
        ["GetMedicationHistory/02_response_Response_1.xml"] = new("SoapUI ? placeholders", "'?'"),
        ["GetMedicationHistory/utf16_declared_request.xml"] = new("declares utf-16 but is UTF-8 without a byte order mark", "encoding"),
        ["engagementindex/01b_ei_FindContent_request_gatling_template.xml"] = new("${citizenId1} placeholder", "${citizenId1}"),
        ["engagementindex/02_ei_Update_request_caa-gmh_from_GAMH_soapui.xml"] = new("mostRecentContent after dataController", "mostRecentContent"),
        ["engagementindex/03_ei_ProcessNotification_request.xml"] = new("10-digit person id", "1111111111"),
    };

    /// <summary>
    /// Files whose placeholders (<c>${…}</c> filled by SoapUI/Gatling at run time, or SoapUI's <c>?</c>)
    /// sit in typed elements, so no typed contract can read them. Round-trip tests skip these BY NAME
    /// with <see cref="IgnoreIfPlaceholder"/>; files whose placeholders only sit in string elements are
    /// ordinary, valid samples and are not listed here.
    /// </summary>
    public static readonly IReadOnlyDictionary<string, string> Placeholders = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["GetMedicationHistory/02_response_Response_1.xml"] = "SoapUI '?' in boolean, date and enumeration elements",
        ["engagementindex/01b_ei_FindContent_request_gatling_template.xml"] = "Gatling ${citizenId1} in a patterned person id",
    };

    /// <summary>The absolute path of the official samples folder, failing clearly when it is missing.</summary>
    public static string Folder(string contractFolder)
    {
        var path = RivtaOracle.PathOf("samples", contractFolder);
        if (!Directory.Exists(path))
        {
            Assert.Fail($"Official samples {contractFolder} are missing: expected {path}.");
        }

        return path;
    }

    /// <summary>Relative names (<c>Folder/file.xml</c>) of every official sample in a folder, sorted.</summary>
    public static IEnumerable<string> Names(string contractFolder)
        => Directory.EnumerateFiles(Folder(contractFolder), "*.xml")
            .Select(f => contractFolder + "/" + Path.GetFileName(f))
            .Order(StringComparer.Ordinal);

    /// <summary>NUnit cases, one per file, named by file.</summary>
    public static IEnumerable<TestCaseData> Cases(string contractFolder)
        => Names(contractFolder).Select(n => new TestCaseData(n).SetArgDisplayNames(n));

    /// <summary>The absolute path of <c>Folder/file.xml</c>.</summary>
    public static string PathOf(string name) => RivtaOracle.PathOf(["samples", .. name.Split('/')]);

    public static SoapEnvelope Load(string name) => SoapEnvelope.Load(PathOf(name));

    /// <summary>Skips a placeholder file with a message that names it and says why.</summary>
    public static void IgnoreIfPlaceholder(string name)
    {
        if (Placeholders.TryGetValue(name, out var why))
        {
            Assert.Ignore($"Skipped {name}: it holds placeholders ({why}) that are filled in at run time, so it is not a real message.");
        }
    }

    /// <summary>True when the file is in the README's known-invalid table.</summary>
    public static bool IsKnownInvalid(string name, out KnownInvalidSample sample) => KnownInvalid.TryGetValue(name, out sample!);
}

/// <summary>Why an official sample is invalid, and a fragment the validation message must contain.</summary>
public sealed record KnownInvalidSample(string Reason, string MessageFragment);
