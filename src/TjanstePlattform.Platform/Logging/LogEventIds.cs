namespace TjanstePlattform.Platform;

/// <summary>
/// Every log event id of the platform, in one table so that ids never collide across parts and an operator can
/// filter on them. Ranges: 1000 router, 2000 catalog, 3000 SOAP layer and validation, 4000 storage, 5000 engagement
/// index, 6000 aggregating services, 7000 source systems, 8000 tooling, 9000 host and telemetry.
/// </summary>
public static class LogEventIds
{
    public const int RouterFault = 1001;
    public const int RouterRouted = 1002;
    public const int RouterProducerFailed = 1003;
    public const int RouterUnapprovedOriginalConsumer = 1004;
    public const int RouterUnexpected = 1005;
    public const int RouterFaultDetail = 1006;
    public const int RouterAborted = 1007;
    public const int RouterMessage = 1008;
    public const int RouterHsaLoaded = 1020;
    public const int RouterWsdlLoaded = 1030;
    public const int RouterWsdlSkipped = 1031;
    public const int RouterInvalidRequest = 1040;
    public const int RouterInvalidResponse = 1041;

    public const int CatalogPublished = 2001;
    public const int CatalogStoreFailed = 2002;
    public const int CatalogServingFromFile = 2003;
    public const int CatalogNoCatalog = 2004;
    public const int CatalogFileWriteFailed = 2005;
    public const int CatalogFileInvalid = 2006;
    public const int CatalogSubscriberFailed = 2007;
    public const int CatalogLoaded = 2020;
    public const int CatalogBuiltInsApplied = 2021;
    public const int CatalogBuiltInSkipped = 2022;
    public const int CatalogBuiltInsSkipped = 2023;
    public const int CatalogBuiltInsFailed = 2024;
    public const int CatalogBuiltInsCrashed = 2025;

    public const int ContractValidationSchemasLoaded = 3001;
    public const int ContractValidationTreeFailed = 3002;
    public const int ContractValidationDirectoryMissing = 3003;
    public const int ContractValidationElementOverridden = 3004;
    public const int SoapServiceRefused = 3101;
    public const int SoapServiceFailed = 3102;
    public const int SoapServiceDirectCallRefused = 3103;

    public const int StorageMigrated = 4001;
    public const int StorageCatalogChangeFeedFailed = 4002;
    public const int StorageCatalogChangedElsewhere = 4003;
    public const int StorageDamageIgnored = 4011;
    public const int StorageCatalogRestoredFromSnapshot = 4013;
    public const int StorageCheckpointFailed = 4014;

    public const int EngagementIndexOpened = 5001;
    public const int EngagementIndexResuming = 5101;
    public const int EngagementIndexResumeFailed = 5102;
    public const int EngagementIndexDelivered = 5103;
    public const int EngagementIndexAttemptFailed = 5104;
    public const int EngagementIndexDeadLettered = 5105;
    public const int EngagementIndexQueueFailed = 5106;
    public const int EngagementIndexObserverFailed = 5107;

    public const int AggregationAggregated = 6001;
    public const int AggregationBranchFailed = 6002;
    public const int AggregationBranchError = 6003;
    public const int AggregationEngagementIndexFailed = 6004;
    public const int AggregationRefused = 6005;
    public const int AggregationBranchSucceeded = 6006;

    public const int SourceSystemsRetry = 7001;
    public const int SourceSystemsGivenUp = 7002;
    public const int SourceSystemsSlow = 7003;
    public const int SourceSystemsInjected = 7010;
    public const int SourceSystemsLoaded = 7020;
    public const int SourceSystemsImported = 7021;
    public const int SourceSystemsSeedTimeout = 7022;
    public const int SourceSystemsSeedFailed = 7023;

    public const int ToolingRecorded = 8001;
    public const int ToolingForwardFailed = 8002;
    public const int ToolingRecordFailed = 8003;

    public const int HostNotReady = 9001;
}
