using System.Text;
using Chat.Domain.Files;

namespace Chat.Domain.Tests.Files;

public class FileTypeTests
{
    private static readonly byte[] Png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13];
    private static readonly byte[] Jpeg = [0xFF, 0xD8, 0xFF, 0xE0, 0, 16];
    private static readonly byte[] Pdf = Encoding.ASCII.GetBytes("%PDF-1.7\n");
    private static readonly byte[] Zip = [0x50, 0x4B, 0x03, 0x04, 20, 0];
    private static readonly byte[] WindowsProgram = [0x4D, 0x5A, 0x90, 0, 3, 0];

    public static TheoryData<string, byte[], string> Accepted() => new()
    {
        { "diagram.png", Png, "image/png" },
        { "Photo.JPG", Jpeg, "image/jpeg" },
        { "scan.png", Jpeg, "image/jpeg" },
        { "contract.pdf", Pdf, "application/pdf" },
        { "budget.xlsx", Zip, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" },
        { "notes.txt", Encoding.UTF8.GetBytes("Grüße aus Köln"), "text/plain" },
        { "data.csv", Encoding.UTF8.GetBytes("a,b\n1,2\n"), "text/csv" },
        { "page.txt", Encoding.UTF8.GetBytes("<html><script>alert(1)</script></html>"), "text/plain" },
    };

    public static TheoryData<string, byte[], string> Refused() => new()
    {
        { "cat.png", WindowsProgram, "file.type_mismatch" },
        { "cat.png", Encoding.UTF8.GetBytes("<html><body onload=alert(1)></body></html>"), "file.type_mismatch" },
        { "logo.png", Encoding.UTF8.GetBytes("<svg xmlns=\"http://www.w3.org/2000/svg\" onload=\"alert(1)\"/>"), "file.type_mismatch" },
        { "report.pdf", Png, "file.type_mismatch" },
        { "notes.txt", WindowsProgram, "file.type_mismatch" },
        { "setup.exe", WindowsProgram, "file.type_not_allowed" },
        { "page.html", Encoding.UTF8.GetBytes("<html></html>"), "file.type_not_allowed" },
        { "logo.svg", Encoding.UTF8.GetBytes("<svg/>"), "file.type_not_allowed" },
        { "README", Encoding.UTF8.GetBytes("hello"), "file.type_not_allowed" },
    };

    [Theory]
    [MemberData(nameof(Accepted))]
    public void Allowed_files_take_the_type_their_bytes_show(string name, byte[] head, string contentType) =>
        FileType.Check(name, head).Value.ContentType.ShouldBe(contentType);

    [Theory]
    [MemberData(nameof(Refused))]
    public void Forbidden_types_and_files_posing_as_another_type_are_refused_with_a_clear_message(string name, byte[] head, string code)
    {
        var checkedType = FileType.Check(name, head);

        checkedType.Error!.Code.ShouldBe(code);
        checkedType.Error.Message.ShouldContain(name.Contains('.') ? Path.GetExtension(name).ToLowerInvariant() : "(none)");
    }

    [Fact]
    public void A_workspace_can_narrow_the_allow_list_and_is_told_what_remains()
    {
        var onlyDocuments = new HashSet<string> { "pdf", "docx" };

        var photo = FileType.Check("team.png", [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A], onlyDocuments);
        var report = FileType.Check("report.pdf", "%PDF-1.7"u8, onlyDocuments);

        photo.Error!.Code.ShouldBe("file.type_not_allowed");
        photo.Error.Message.ShouldEndWith("Allowed: .pdf, .docx.");
        report.Value.ContentType.ShouldBe("application/pdf");
    }

    [Fact]
    public void A_renamed_program_is_named_for_what_it_is() =>
        FileType.Check("holiday.png", WindowsProgram).Error!.Message.ShouldContain("a Windows program");

    [Theory]
    [InlineData("../../etc/passwd.txt", "passwd.txt")]
    [InlineData("C:\\Users\\ann\\report.pdf", "report.pdf")]
    [InlineData("bad\u0000name\u0007.txt", "badname.txt")]
    [InlineData("...", "file")]
    public void File_names_lose_folders_and_control_characters(string given, string expected) =>
        FileName.Clean(given).ShouldBe(expected);

    [Fact]
    public void A_file_is_scanned_once_and_only_a_clean_one_is_downloadable()
    {
        var file = StoredFile.Upload(Guid.NewGuid(), "ann", "a.txt", FileType.Allowed["txt"], 5, "00", "key", DateTimeOffset.UtcNow);
        file.IsDownloadable.ShouldBeFalse();

        file.RecordScan(ScanStatus.Infected, "Eicar", DateTimeOffset.UtcNow).Succeeded.ShouldBeTrue();
        file.RecordScan(ScanStatus.Clean, null, DateTimeOffset.UtcNow);

        file.ScanStatus.ShouldBe(ScanStatus.Infected);
        file.IsDownloadable.ShouldBeFalse();
    }
}
