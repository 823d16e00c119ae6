using TjanstePlattform.Platform;
using Microsoft.Extensions.Logging;

namespace TjanstePlattform.Soap.Validation;

internal static partial class ContractValidationLog
{
    [LoggerMessage(EventId = LogEventIds.ContractValidationSchemasLoaded, Level = LogLevel.Information, Message = "Contract schemas loaded: {TreeCount} trees, {ElementCount} root elements in {ElapsedMs} ms")]
    public static partial void SchemasLoaded(ILogger logger, int treeCount, int elementCount, long elapsedMs);

    [LoggerMessage(EventId = LogEventIds.ContractValidationTreeFailed, Level = LogLevel.Error, Message = "Schema tree {Tree} could not be loaded; its contracts are unknown to validation: {Reason}")]
    public static partial void TreeFailed(ILogger logger, string tree, string reason);

    [LoggerMessage(EventId = LogEventIds.ContractValidationDirectoryMissing, Level = LogLevel.Warning, Message = "Schema directory {Directory} does not exist; skipped")]
    public static partial void DirectoryMissing(ILogger logger, string directory);

    [LoggerMessage(EventId = LogEventIds.ContractValidationElementOverridden, Level = LogLevel.Debug, Message = "Element {Element} is declared by {Tree} (takes precedence over {Previous})")]
    public static partial void ElementOverridden(ILogger logger, string element, string tree, string previous);
}
