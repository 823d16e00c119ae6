using System.Xml.Serialization;

namespace TjanstePlattform.Contracts.ClinicalProcess.ActivityPrescription.ActOutcome;

/// <summary><c>ResultCodeEnum</c>: OK, ERROR or INFO (INFO carries a message, e.g. from an aggregating service).</summary>
[XmlType(Namespace = ActOutcomeNamespaces.Enums)]
public enum ResultCodeEnum
{
    OK,
    ERROR,
    INFO,
}

/// <summary><c>ErrorCodeEnum</c>.</summary>
[XmlType(Namespace = ActOutcomeNamespaces.Enums)]
public enum ErrorCodeEnum
{
    INVALID_REQUEST,
}

/// <summary><c>NonReplaceableEnum</c>: who refused generic substitution.</summary>
[XmlType(Namespace = ActOutcomeNamespaces.Enums)]
public enum NonReplaceableEnum
{
    Prescriber,
    Patient,
}

/// <summary><c>TypeOfPrescriptionEnum</c>: I (insättning) or U (utsättning).</summary>
[XmlType(Namespace = ActOutcomeNamespaces.Enums)]
public enum TypeOfPrescriptionEnum
{
    I,
    U,
}

/// <summary><c>PrescriptionStatusEnum</c>.</summary>
[XmlType(Namespace = ActOutcomeNamespaces.Enums)]
public enum PrescriptionStatusEnum
{
    Active,
    Inactive,
}
