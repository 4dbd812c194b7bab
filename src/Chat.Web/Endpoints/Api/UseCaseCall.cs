using Chat.Domain.Common;
using Chat.Web.Security;

namespace Chat.Web.Endpoints.Api;

/// <summary>Runs a use case for the request's user and answers with its value or its error as problem details.</summary>
internal static class UseCaseCall
{
    public static async Task<IResult> RunAsync<THandler, TValue>(
        HttpContext context, Func<THandler, Task<Result<TValue>>> call, Func<TValue, IResult>? answer = null)
        where THandler : class
    {
        var handler = RequestActor.Handler<THandler>(context.RequestServices, context.User);
        var result = await call(handler);
        return result.Succeeded ? answer?.Invoke(result.Value) ?? TypedResults.Ok(result.Value) : ProblemResults.From(result.Error!);
    }
}
