namespace Chat.Web.Components.Layout;

/// <summary>
/// Whether the page being rendered has a circuit, as the router was told (the account pages are static: they set
/// cookies). The layout's chrome works either way. A scoped value, not a cascading one: a cascading value costs every
/// circuit a component, and asking for the request's HttpContext would make every circuit build a static renderer.
/// </summary>
public sealed class PageMode
{
    public bool IsStatic { get; set; }
}
