using System.Collections.Concurrent;
using System.Reflection;
using System.Xml;
using System.Xml.Serialization;

namespace TjanstePlattform.Contracts.EngagementIndex;

/// <summary>
/// Puts contract fields that arrived out of schema order back where they belong. XmlSerializer reads a sequence
/// strictly and hands a misplaced element to the <c>xs:any</c> bucket, whereas the reference EI (JAXB) takes it:
/// an official Update sample sends <c>mostRecentContent</c> after <c>dataController</c>. Without this the
/// content time would be silently lost (or a misplaced <c>deleteFlag</c> would turn a delete into a save).
/// Runs only when the any-bucket is not empty, so the usual request pays nothing. Works for any XmlSerializer
/// contract type whose fields are <c>[XmlElement]</c> string or bool properties.
/// </summary>
public static class MisplacedFields
{
    private static readonly ConcurrentDictionary<Type, Dictionary<(string Namespace, string Name), PropertyInfo>> Maps = new();

    /// <summary>Restores misplaced fields of every transaction and its engagement.</summary>
    public static void Rescue(IEnumerable<EngagementTransactionType> transactions)
    {
        foreach (var transaction in transactions)
        {
            if (transaction.Any is { Length: > 0 })
            {
                transaction.Any = Rescue(transaction, transaction.Any);
            }

            if (transaction.Engagement is { Any: { Length: > 0 } any } engagement)
            {
                engagement.Any = Rescue(engagement, any);
            }
        }
    }

    /// <summary>Moves matching elements of <paramref name="any"/> into unset properties of <paramref name="target"/>; returns the rest.</summary>
    public static XmlElement[]? Rescue(object target, XmlElement[] any)
    {
        var map = Maps.GetOrAdd(target.GetType(), BuildMap);
        List<XmlElement>? rest = null;
        foreach (var element in any)
        {
            if (map.TryGetValue((element.NamespaceURI, element.LocalName), out var property) && TrySet(target, property, element.InnerText))
            {
                continue;
            }

            (rest ??= []).Add(element);
        }

        return rest?.ToArray();
    }

    private static bool TrySet(object target, PropertyInfo property, string text)
    {
        if (property.PropertyType == typeof(string))
        {
            if (property.GetValue(target) is not null)
            {
                return false;
            }

            property.SetValue(target, text);
            return true;
        }

        if (property.PropertyType == typeof(bool))
        {
            try
            {
                property.SetValue(target, XmlConvert.ToBoolean(text.Trim()));
                return true;
            }
            catch (FormatException)
            {
                return false;
            }
        }

        return false;
    }

    private static Dictionary<(string, string), PropertyInfo> BuildMap(Type type)
    {
        var typeNamespace = type.GetCustomAttribute<XmlTypeAttribute>()?.Namespace ?? "";
        var map = new Dictionary<(string, string), PropertyInfo>();
        foreach (var property in type.GetProperties())
        {
            if (property.GetCustomAttribute<XmlElementAttribute>() is { } element
                && (property.PropertyType == typeof(string) || property.PropertyType == typeof(bool)))
            {
                map[(element.Namespace ?? typeNamespace, element.ElementName.Length > 0 ? element.ElementName : property.Name)] = property;
            }
        }

        return map;
    }
}
