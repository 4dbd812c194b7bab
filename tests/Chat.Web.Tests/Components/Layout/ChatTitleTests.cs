using Bunit;
using Chat.Web.Components.Layout;
using Chat.Web.Tests.Support;

namespace Chat.Web.Tests.Components.Layout;

public class ChatTitleTests : ComponentTestContext
{
    [Fact]
    public void A_live_tab_sets_its_title_from_the_page_and_again_when_the_page_changes()
    {
        var module = JSInterop.SetupModule("./Components/Layout/MainLayout.razor.js");
        module.SetupVoid("setTitle", _ => true).SetVoidResult();

        var title = Render<ChatTitle>(p => p.Add(c => c.Text, "#general"));
        title.Render(p => p.Add(c => c.Text, "#random"));

        module.Invocations["setTitle"].Select(call => call.Arguments[0]).ShouldBe(["#general · Chat.Enterprise", "#random · Chat.Enterprise"]);
        title.Markup.ShouldBeEmpty("a live tab holds no title component of its own");
    }
}
