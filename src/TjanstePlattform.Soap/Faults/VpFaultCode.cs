namespace TjanstePlattform.Soap.Faults;

/// <summary>The router's fault codes, VP001–VP015, as the national platform numbers them.</summary>
public enum VpFaultCode
{
    VP001 = 1,
    VP002 = 2,
    VP003 = 3,
    VP004 = 4,
    VP005 = 5,
    VP006 = 6,
    VP007 = 7,
    VP008 = 8,
    VP009 = 9,
    VP010 = 10,
    VP011 = 11,
    VP012 = 12,
    VP013 = 13,
    VP014 = 14,
    VP015 = 15,
}

/// <summary>Which side is to blame, written as <c>soap:Client</c> or <c>soap:Server</c>.</summary>
public enum SoapFaultActor
{
    Client,
    Server,
}
