using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;

namespace Chat.Web.Tests.Support;

/// <summary>Drives the static account pages the way a browser does: GET a form, fill it in, POST it.</summary>
public sealed class BrowserClient(HttpClient http) : IDisposable
{
    public const string Password = "Correct-Horse-42";

    private static readonly HtmlParser Parser = new();

    public HttpClient Http { get; } = http;

    public async Task<IHtmlDocument> GetPageAsync(string path)
    {
        using var response = await Http.GetAsync(path);
        response.StatusCode.ShouldBe(HttpStatusCode.OK, $"GET {path}");
        return Parser.ParseDocument(await response.Content.ReadAsStringAsync());
    }

    /// <summary>Submits the form on <paramref name="path"/> whose _handler is <paramref name="formName"/>.</summary>
    public async Task<HttpResponseMessage> SubmitAsync(
        string path, string formName, IDictionary<string, string> fields, bool withAntiforgery = true)
    {
        var page = await GetPageAsync(path);
        var form = page.Forms.FirstOrDefault(f =>
                f.QuerySelector($"input[name='_handler'][value='{formName}']") is not null)
            .ShouldNotBeNull($"form '{formName}' on {path}");
        var values = form.QuerySelectorAll<IHtmlInputElement>("input[type='hidden']")
            .Where(i => withAntiforgery || i.Name != "__RequestVerificationToken")
            .ToDictionary(i => i.Name!, i => i.Value);
        foreach (var (name, value) in fields)
        {
            values[name] = value;
        }

        var action = string.IsNullOrEmpty(form.GetAttribute("action")) ? path : form.GetAttribute("action")!;
        return await Http.PostAsync(action, new FormUrlEncodedContent(values));
    }

    public Task<HttpResponseMessage> RegisterAsync(string email, string password = Password, string name = "") =>
        SubmitAsync("/Account/Register", "register", new Dictionary<string, string>
        {
            ["Input.DisplayName"] = name,
            ["Input.Email"] = email,
            ["Input.Password"] = password,
            ["Input.ConfirmPassword"] = password,
        });

    public Task<HttpResponseMessage> LoginAsync(string email, string password = Password) =>
        SubmitAsync("/Account/Login", "login", new Dictionary<string, string>
        {
            ["Input.Email"] = email,
            ["Input.Password"] = password,
        });

    /// <summary>Posts to the logout endpoint with the antiforgery token of a page, as the user menu does.</summary>
    public async Task<HttpResponseMessage> LogoutAsync(bool withAntiforgery = true)
    {
        var page = await GetPageAsync("/Account/Manage");
        var token = page.QuerySelector<IHtmlInputElement>("input[name='__RequestVerificationToken']")
            .ShouldNotBeNull().Value;
        var fields = withAntiforgery
            ? new Dictionary<string, string> { ["__RequestVerificationToken"] = token }
            : [];
        return await Http.PostAsync("/Account/Logout", new FormUrlEncodedContent(fields));
    }

    public void Dispose() => Http.Dispose();
}
