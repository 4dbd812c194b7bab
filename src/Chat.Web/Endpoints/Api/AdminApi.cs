using Chat.Application.Diagnostics;
using Chat.Application.Diagnostics.GetServerMemory;

namespace Chat.Web.Endpoints.Api;

internal static class AdminApi
{
    public static void MapAdminApi(this RouteGroupBuilder api)
    {
        api.MapGet("/admin/memory", (HttpContext context, bool? collect, CancellationToken cancellationToken) =>
            UseCaseCall.RunAsync<GetServerMemoryHandler, ServerMemory>(context, h => h.HandleAsync(new GetServerMemory(collect == true), cancellationToken)))
            .WithTags("Administration")
            .WithSummary("This node's managed heap, resident memory and compiled methods (administrators; collect=true runs a full collection first)");
    }
}
