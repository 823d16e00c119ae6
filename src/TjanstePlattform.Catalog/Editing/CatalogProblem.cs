namespace TjanstePlattform.Catalog.Editing;

/// <summary>
/// Why a catalog change was refused: an RFC 7807 problem (type, title, status, detail) plus, for conflicts,
/// the id of the entity in the way. The REST API writes it as problem+json, the CLI prints its detail.
/// </summary>
public sealed record CatalogProblem(string Type, string Title, int Status, string Detail)
{
    /// <summary>The entity that conflicts with the request (overlap, duplicate, in use).</summary>
    public long? ConflictingId { get; init; }

    /// <summary>The request field at fault.</summary>
    public string? Field { get; init; }
}

/// <summary>The problem types of the catalog API (stable URIs clients may match on).</summary>
public static class CatalogProblems
{
    public const string MalformedJson = "urn:tjp:problem:malformed-json";
    public const string MissingField = "urn:tjp:problem:missing-field";
    public const string InvalidField = "urn:tjp:problem:invalid-field";
    public const string InvalidAddress = "urn:tjp:problem:invalid-physical-address";
    public const string UnknownProfile = "urn:tjp:problem:unknown-rivta-profile";
    public const string InvalidDate = "urn:tjp:problem:invalid-date";
    public const string InvalidValidity = "urn:tjp:problem:invalid-validity";
    public const string InvalidContract = "urn:tjp:problem:invalid-service-contract";
    public const string OverlappingRouting = "urn:tjp:problem:overlapping-routing";
    public const string OverlappingAuthorization = "urn:tjp:problem:overlapping-authorization";
    public const string Duplicate = "urn:tjp:problem:duplicate";
    public const string InUse = "urn:tjp:problem:in-use";
    public const string NotFound = "urn:tjp:problem:not-found";
    public const string UnsupportedMediaType = "urn:tjp:problem:unsupported-media-type";
    public const string PayloadTooLarge = "urn:tjp:problem:payload-too-large";
    public const string StoreUnavailable = "urn:tjp:problem:catalog-store-unavailable";
    public const string NothingToPublish = "urn:tjp:problem:nothing-to-publish";
    public const string InvalidOrder = "urn:tjp:problem:invalid-order";
    public const string InvalidDocument = "urn:tjp:problem:invalid-catalog-document";

    public static CatalogProblem Missing(string field) =>
        new(MissingField, "Missing field", 400, $"'{field}' is required and must not be blank.") { Field = field };

    public static CatalogProblem Invalid(string field, string detail) =>
        new(InvalidField, "Invalid field", 400, detail) { Field = field };

    public static CatalogProblem NotFoundEntity(string kind, long id) =>
        new(NotFound, "Not found", 404, $"No {kind} with id {id} exists.");

    public static CatalogProblem Unavailable(string detail) =>
        new(StoreUnavailable, "Catalog store unavailable", 503, detail);
}

/// <summary>A value or the problem that prevented it.</summary>
public readonly record struct CatalogResult<T>(T? Value, CatalogProblem? Problem)
{
    public bool IsSuccess => Problem is null;

    public static implicit operator CatalogResult<T>(T value) => new(value, null);

    public static implicit operator CatalogResult<T>(CatalogProblem problem) => new(default, problem);
}
