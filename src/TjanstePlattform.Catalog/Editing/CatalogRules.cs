using System.Globalization;
using TjanstePlattform.Catalog.Model;

namespace TjanstePlattform.Catalog.Editing;

/// <summary>The field rules of catalog entries, each failing with a problem that names the field.</summary>
public static class CatalogRules
{
    /// <summary>The default logical address of a routing or authorization.</summary>
    public const string AnyLogicalAddress = "*";

    public const int MaxHsaIdLength = 255;
    public const int MaxAddressLength = 2048;
    public const int MaxDescriptionLength = 1024;

    /// <summary>An HSA-id or logical address: present, no surrounding or embedded control whitespace, bounded.</summary>
    public static CatalogProblem? CheckName(string field, string? value, bool allowAny = false)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return CatalogProblems.Missing(field);
        }

        if (value.Length > MaxHsaIdLength)
        {
            return CatalogProblems.Invalid(field, $"'{field}' is longer than {MaxHsaIdLength} characters.");
        }

        // The router keeps surrounding whitespace and then finds nothing (VP004): never store such a key.
        if (char.IsWhiteSpace(value[0]) || char.IsWhiteSpace(value[^1]))
        {
            return CatalogProblems.Invalid(field, $"'{field}' must not have leading or trailing whitespace: '{value}'.");
        }

        if (value.Any(char.IsControl))
        {
            return CatalogProblems.Invalid(field, $"'{field}' must not contain control characters.");
        }

        if (!allowAny && value.Contains('*', StringComparison.Ordinal))
        {
            return CatalogProblems.Invalid(field, $"'{field}' must name one component; '*' is only allowed as a logical address.");
        }

        if (allowAny && value.Contains('*', StringComparison.Ordinal) && value != AnyLogicalAddress)
        {
            return CatalogProblems.Invalid(field, $"'{field}' may be '*' (every address) but not contain '*' otherwise: '{value}'.");
        }

        return null;
    }

    public static CatalogProblem? CheckContract(string field, string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return CatalogProblems.Missing(field);
        }

        return ServiceContractNames.IsWellFormed(value)
            ? null
            : new CatalogProblem(CatalogProblems.InvalidContract, "Invalid service contract namespace", 400,
                $"'{field}' must be a namespace URI such as 'urn:riv:clinicalprocess:activityprescription:actoutcome:GetMedicationHistoryResponder:2' (no whitespace): '{value}'.")
            {
                Field = field,
            };
    }

    public static CatalogProblem? CheckPhysicalAddress(string field, string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return CatalogProblems.Missing(field);
        }

        if (value.Length > MaxAddressLength
            || value.Any(char.IsWhiteSpace)
            || !Uri.TryCreate(value, UriKind.Absolute, out var uri)
            || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps)
            || string.IsNullOrEmpty(uri.Host)
            || !string.IsNullOrEmpty(uri.UserInfo))
        {
            return new CatalogProblem(CatalogProblems.InvalidAddress, "Invalid physical address", 400,
                $"'{field}' must be an absolute http or https URL without credentials or whitespace, e.g. 'https://producer.example/GetX/2/rivtabp21': '{value}'.")
            {
                Field = field,
            };
        }

        return null;
    }

    /// <summary>The profile in the catalog's spelling (RIVTABP21/RIVTABP20), or a problem.</summary>
    public static CatalogResult<string> NormalizeProfile(string field, string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return CatalogProblems.Missing(field);
        }

        if (!RivtaProfiles.IsKnown(value))
        {
            return new CatalogProblem(CatalogProblems.UnknownProfile, "Unknown RIV profile", 400,
                $"'{field}' must be {RivtaProfiles.Bp21} or {RivtaProfiles.Bp20}: '{value}'.")
            {
                Field = field,
            };
        }

        return value.ToUpperInvariant();
    }

    /// <summary>The validity from optional <c>yyyy-MM-dd</c> dates: from today for 100 years by default.</summary>
    public static CatalogResult<Validity> ParseValidity(string? validFrom, string? validTo, DateOnly today)
    {
        var from = today;
        if (validFrom is not null && !TryParseDate(validFrom, out from))
        {
            return InvalidDate("validFrom", validFrom);
        }

        var to = from.AddYears(100);
        if (validTo is not null && !TryParseDate(validTo, out to))
        {
            return InvalidDate("validTo", validTo);
        }

        return CheckValidity(new Validity(from, to)) is { } problem ? problem : new Validity(from, to);
    }

    public static CatalogProblem? CheckValidity(Validity validity) =>
        validity.To < validity.From
            ? new CatalogProblem(CatalogProblems.InvalidValidity, "Invalid validity period", 400,
                $"validTo ({Format(validity.To)}) is before validFrom ({Format(validity.From)}).") { Field = "validTo" }
            : null;

    public static CatalogProblem? CheckDescription(string field, string? value) =>
        value is not null && value.Length > MaxDescriptionLength
            ? CatalogProblems.Invalid(field, $"'{field}' is longer than {MaxDescriptionLength} characters.")
            : null;

    public static bool TryParseDate(string text, out DateOnly date) =>
        DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out date);

    public static string Format(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static CatalogProblem InvalidDate(string field, string value) =>
        new(CatalogProblems.InvalidDate, "Invalid date", 400, $"'{field}' must be a date written yyyy-MM-dd: '{value}'.") { Field = field };
}
