using System.Reflection;
using Microsoft.AspNetCore.Http.Metadata;

namespace Chat.Web.Endpoints.Api;

/// <summary>The API's operations as the app maps them, for the administrators' reference page.</summary>
internal sealed class ApiCatalog(EndpointDataSource endpoints)
{
    public IReadOnlyList<ApiOperation> Operations() =>
    [
        .. endpoints.Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText?.StartsWith("/api/v1", StringComparison.Ordinal) == true)
            .SelectMany(Describe)
            .OrderBy(o => o.Tag, StringComparer.Ordinal)
            .ThenBy(o => o.Path, StringComparer.Ordinal),
    ];

    private static IEnumerable<ApiOperation> Describe(RouteEndpoint endpoint)
    {
        var path = endpoint.RoutePattern.RawText!.TrimEnd('/');
        var routeNames = endpoint.RoutePattern.Parameters.Select(p => p.Name).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var parameters = endpoint.Metadata.GetMetadata<MethodInfo>()?.GetParameters()
            .Where(p => p.ParameterType != typeof(HttpContext) && p.ParameterType != typeof(CancellationToken))
            .Select(p => new ApiParameter(
                p.Name!,
                routeNames.Contains(p.Name!) ? "path" : IsSimple(p.ParameterType) ? "query" : "body",
                TypeName(p.ParameterType)))
            .ToList() ?? [];
        var summary = endpoint.Metadata.GetMetadata<IEndpointSummaryMetadata>()?.Summary ?? string.Empty;
        var tag = endpoint.Metadata.GetMetadata<ITagsMetadata>()?.Tags.FirstOrDefault() ?? "Account";
        return endpoint.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods
            .Select(method => new ApiOperation(tag, method, path, summary, parameters)) ?? [];
    }

    private static bool IsSimple(Type type)
    {
        var underlying = Nullable.GetUnderlyingType(type) ?? type;
        return underlying.IsPrimitive || underlying.IsEnum || underlying == typeof(string) || underlying == typeof(Guid)
            || underlying == typeof(DateTimeOffset) || underlying == typeof(decimal);
    }

    private static string TypeName(Type type) =>
        Nullable.GetUnderlyingType(type) is { } underlying ? TypeName(underlying) + "?"
            : type.IsGenericType ? $"{type.Name[..type.Name.IndexOf('`')]}<{string.Join(", ", type.GetGenericArguments().Select(TypeName))}>"
            : type.Name;
}

/// <param name="In">Where the value goes: path, query or body (JSON).</param>
internal sealed record ApiParameter(string Name, string In, string Type);

internal sealed record ApiOperation(string Tag, string Method, string Path, string Summary, IReadOnlyList<ApiParameter> Parameters);
