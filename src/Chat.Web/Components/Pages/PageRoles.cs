using System.Reflection;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Components;

namespace Chat.Web.Components.Pages;

/// <summary>The roles a page asks for (its <see cref="AuthorizeAttribute"/>), to tell someone without them what is missing.</summary>
public static class PageRoles
{
    // Pages by their literal address ("admin/bots"); addresses with parameters ask for no role.
    private static readonly Dictionary<string, Type> ByAddress = typeof(PageRoles).Assembly.GetTypes()
        .SelectMany(type => type.GetCustomAttributes<RouteAttribute>().Select(route => (Address: route.Template.Trim('/'), type)))
        .Where(page => !page.Address.Contains('{'))
        .DistinctBy(page => page.Address, StringComparer.OrdinalIgnoreCase)
        .ToDictionary(page => page.Address, page => page.type, StringComparer.OrdinalIgnoreCase);

    public static IReadOnlyList<string> Of(Type page) =>
        [.. page.GetCustomAttributes<AuthorizeAttribute>()
            .SelectMany(a => (a.Roles ?? string.Empty).Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
            .Distinct()];

    /// <summary>The roles of the page at <paramref name="address"/> ("/admin/bots?x=1"), or none when unknown.</summary>
    public static IReadOnlyList<string> At(string? address)
    {
        var path = (address ?? string.Empty).Split('?', '#')[0].Trim('/');
        return ByAddress.TryGetValue(path, out var page) ? Of(page) : [];
    }
}
