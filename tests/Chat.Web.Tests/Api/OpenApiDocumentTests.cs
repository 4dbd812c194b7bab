using System.Net.Http.Json;
using System.Text.Json;
using Chat.Web.Tests.Support;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Chat.Web.Tests.Api;

public sealed class OpenApiDocumentTests : WebAppTest
{
    [Fact]
    public async Task The_document_describes_every_api_endpoint_with_its_method()
    {
        var document = await App.CreateClient().GetFromJsonAsync<JsonElement>("/openapi/v1.json");

        document.GetProperty("openapi").GetString().ShouldStartWith("3.");
        document.GetProperty("components").GetProperty("securitySchemes").GetProperty("bearer").GetProperty("scheme").GetString().ShouldBe("bearer");
        var paths = document.GetProperty("paths");
        var endpoints = App.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText!.StartsWith("/api/v1", StringComparison.Ordinal))
            .SelectMany(e => e.Metadata.GetMetadata<HttpMethodMetadata>()!.HttpMethods.Select(m => (Path: Normalise(e.RoutePattern.RawText!), Method: m.ToLowerInvariant())))
            .ToList();

        endpoints.Count.ShouldBeGreaterThan(20);
        foreach (var (path, method) in endpoints)
        {
            paths.TryGetProperty(path, out var operations).ShouldBeTrue($"{path} is missing");
            operations.TryGetProperty(method, out var operation).ShouldBeTrue($"{method} {path} is missing");
            operation.TryGetProperty("summary", out _).ShouldBeTrue($"{method} {path} has no summary");
        }
    }

    // Route constraints ({id:guid}) are not part of an OpenAPI path, and a group's "/" adds a trailing slash.
    private static string Normalise(string route)
    {
        var path = System.Text.RegularExpressions.Regex.Replace(route, @"\{(\w+):[^}]+\}", "{$1}");
        return path.Length > 1 ? path.TrimEnd('/') : path;
    }
}
