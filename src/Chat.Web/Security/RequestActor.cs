using System.Security.Claims;
using Chat.Application.Common;

namespace Chat.Web.Security;

/// <summary>The signed-in user of an HTTP request or hub call (outside a Blazor circuit).</summary>
internal sealed class RequestActor(ClaimsPrincipal user) : ICurrentActor
{
    public ValueTask<Actor> GetAsync(CancellationToken cancellationToken = default) =>
        ValueTask.FromResult(CurrentActor.ToActor(user));

    /// <summary>A use case acting for <paramref name="user"/>, with the request's services.</summary>
    public static T Handler<T>(IServiceProvider services, ClaimsPrincipal user) where T : class =>
        ActivatorUtilities.CreateInstance<T>(services, (ICurrentActor)new RequestActor(user));
}
