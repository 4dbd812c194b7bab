using Chat.Domain.Common;

namespace Chat.Web.Endpoints;

/// <summary>Expected failures as RFC 7807 problem details carrying the error's stable code.</summary>
internal static class ProblemResults
{
    public static IResult From(Error error) => Results.Problem(
        title: error.Message,
        statusCode: error.Kind switch
        {
            ErrorKind.NotFound => StatusCodes.Status404NotFound,
            ErrorKind.Forbidden => StatusCodes.Status403Forbidden,
            ErrorKind.Conflict => StatusCodes.Status409Conflict,
            ErrorKind.Gone => StatusCodes.Status410Gone,
            ErrorKind.Unauthorized => StatusCodes.Status401Unauthorized,
            ErrorKind.RateLimited => StatusCodes.Status429TooManyRequests,
            _ => StatusCodes.Status400BadRequest,
        },
        extensions: new Dictionary<string, object?> { ["code"] = error.Code });
}
