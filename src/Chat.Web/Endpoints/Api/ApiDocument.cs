using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Chat.Web.Endpoints.Api;

/// <summary>The OpenAPI document's title and how clients sign in (a bearer access token on every operation).</summary>
internal sealed class ApiDocument : IOpenApiDocumentTransformer
{
    private const string Bearer = "bearer";

    public Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        document.Info.Title = "Chat.Enterprise API";
        document.Info.Description =
            "Send `Authorization: Bearer <token>` with a personal access token (Profile → Access tokens). Errors are RFC 7807 " +
            "problem details whose `code` is stable.";
        document.Components ??= new OpenApiComponents();
        document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
        document.Components.SecuritySchemes[Bearer] = new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.Http,
            Scheme = Bearer,
            Description = "A personal or bot access token (starts with cet_).",
        };
        document.Security = [new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(Bearer, document)] = [] }];
        return Task.CompletedTask;
    }
}
