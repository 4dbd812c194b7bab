using System.Globalization;

namespace Chat.Web.Components;

/// <summary>A count with its noun: "1 reply", "2 replies", "1,204 members".</summary>
public static class Plural
{
    public static string Of(long count, string one, string many) =>
        $"{count.ToString("N0", CultureInfo.InvariantCulture)} {(count == 1 ? one : many)}";
}
