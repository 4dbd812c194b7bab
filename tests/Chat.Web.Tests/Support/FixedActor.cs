using Chat.Application.Common;

namespace Chat.Web.Tests.Support;

/// <summary>A caller fixed by the test.</summary>
public sealed class FixedActor(Actor actor) : ICurrentActor
{
    public ValueTask<Actor> GetAsync(CancellationToken cancellationToken = default) => ValueTask.FromResult(actor);
}
