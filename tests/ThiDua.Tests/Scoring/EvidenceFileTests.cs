using System.Globalization;
using System.Net.Http.Headers;
using Microsoft.EntityFrameworkCore;
using ThiDua.Features.Scoring;

namespace ThiDua.Tests.Scoring;

/// <summary>Evidence files on a card: checked by content, served only to those who may read the card.</summary>
public sealed class EvidenceFileTests : AppTest
{
    private static string S(int v) => v.ToString(CultureInfo.InvariantCulture);

    private async Task<(int Card, int Criterion, int HvCard)> AppliedAsync()
    {
        (int, int, int) r = default;
        await App.ExecuteAsync(async db =>
        {
            var sec = ScoringActor.Secretary("thuongtruc.khoi@thidua.vn");
            var s = new ScoringService(db, TimeProvider.System);
            int V(int id) => db.ScoreSheets.AsNoTracking().Where(x => x.Id == id).Select(x => x.Version).First();
            var id = (await s.CreateSheetAsync(sec, 1, 2099, "Bảng thử", new DateOnly(2099, 12, 31), default)).Id!.Value;
            await s.AddGroupAsync(sec, id, V(id), "Nhiệm vụ", GroupKind.Regular, "10", default);
            var g = await db.ScoreGroups.Where(x => x.SheetId == id).Select(x => x.Id).SingleAsync();
            await s.AddCriterionAsync(sec, id, g, V(id), "Tiêu chí", "10", true, default);
            Assert.True((await s.ApplyAsync(sec, id, V(id), default)).Ok);
            var c = await db.ScoreCriteria.Where(x => x.GroupId == g).Select(x => x.Id).SingleAsync();
            var bt = await db.ScoreCards.Where(x => x.SheetId == id && x.Unit!.Code == "BTCTW").Select(x => x.Id).SingleAsync();
            var hv = await db.ScoreCards.Where(x => x.SheetId == id && x.Unit!.Code == "HVCTQG").Select(x => x.Id).SingleAsync();
            r = (bt, c, hv);
        });
        return r;
    }

    private async Task<HttpResponseMessage> UploadAsync(HttpClient client, int card, int criterion, byte[] content, string fileName)
    {
        var page = $"/Scoring/Card/{card}";
        var token = await client.AntiforgeryTokenAsync(page);
        var version = await App.QueryAsync(db => db.ScoreCards.Where(c => c.Id == card).Select(c => c.Version).SingleAsync());
        var form = new MultipartFormDataContent
        {
            { new StringContent(token), "__RequestVerificationToken" },
            { new StringContent(S(version)), "version" },
            { new StringContent("9,5"), "p_" + S(criterion) },
        };
        var file = new ByteArrayContent(content);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/pdf");
        form.Add(file, "f_" + S(criterion), fileName);
        return await client.PostAsync(page, form);
    }

    [Fact]
    public async Task EvidenceFile_Pdf_StoredAndServedToOwnUnitAndSecretariatOnly()
    {
        var (card, criterion, _) = await AppliedAsync();
        var officer = await App.SignInAsync("tdkt.btctw@thidua.vn");
        var pdf = "%PDF-1.4\n% minh chung\n"u8.ToArray();
        var response = await UploadAsync(officer, card, criterion, pdf, "bao-cao.pdf");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var entry = await App.QueryAsync(db => db.ScoreEntries.SingleAsync(e => e.CardId == card && e.CriterionId == criterion));
        Assert.Equal(("bao-cao.pdf", 9.5m), (entry.EvidenceFileName, entry.SelfPoints));
        var url = $"/Scoring/Card/{card}?handler=File&criterion={criterion}";
        Assert.Equal(pdf, await officer.GetByteArrayAsync(url));
        var secretariat = await App.SignInAsync("thuongtruc.khoi@thidua.vn");
        Assert.Equal(pdf, await secretariat.GetByteArrayAsync(url));
        var other = await App.SignInAsync("tdkt.hvctqg@thidua.vn");
        var denied = await other.GetAsync(url);
        Assert.Contains("/Account/AccessDenied", denied.Headers.Location?.ToString() ?? "");
        Assert.Contains("bao-cao.pdf", (await App.QueryAsync(db => db.AuditEntries.SingleAsync(a => a.Action == "Tự chấm điểm" && a.EntityId == S(card)))).Details);
    }

    [Fact]
    public async Task EvidenceFile_NotAPdfOrImage_RefusedNamingTheCriterion()
    {
        var (card, criterion, _) = await AppliedAsync();
        var officer = await App.SignInAsync("tdkt.btctw@thidua.vn");
        var response = await UploadAsync(officer, card, criterion, "<html>not a pdf</html>"u8.ToArray(), "bao-cao.pdf");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Tiêu chí \"Tiêu chí\", tệp minh chứng: nội dung tệp \"bao-cao.pdf\" không phải PDF, PNG, JPG, DOCX/XLSX.", WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync()));
        Assert.Null(await App.QueryAsync(db => db.ScoreEntries.Where(e => e.CardId == card).Select(e => e.EvidenceStoredName).SingleAsync()));
    }
}
