using Chat.Application.Profile.GetProfile;
using Chat.Application.Threads;
using Chat.Application.Threads.ListFollowedThreads;

namespace Chat.Web.Endpoints.Api;

internal static class MeApi
{
    public static void MapMeApi(this RouteGroupBuilder api)
    {
        var me = api.MapGroup("/me").WithTags("Me");
        me.MapGet("/", (HttpContext context, CancellationToken cancellationToken) =>
            UseCaseCall.RunAsync<GetProfileHandler, ProfileDto>(context, h => h.HandleAsync(new GetProfile(), cancellationToken)))
            .WithSummary("The caller's profile");
        me.MapGet("/threads", (HttpContext context, int? limit, CancellationToken cancellationToken) =>
            UseCaseCall.RunAsync<ListFollowedThreadsHandler, IReadOnlyList<FollowedThread>>(
                context, h => h.HandleAsync(new ListFollowedThreads(limit ?? 50), cancellationToken)))
            .WithSummary("Threads the caller follows, newest activity first");
    }
}
