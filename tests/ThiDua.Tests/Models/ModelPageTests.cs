using System.Globalization;
using Microsoft.EntityFrameworkCore;
using ThiDua.Features.Models;
using ThiDua.Features.Movements;
using ThiDua.Tests.Agreements;

namespace ThiDua.Tests.Models;

/// <summary>An agency's officer keeps its models: registering, stages in order, evidence, the portal flag; the demo year's register.</summary>
/// <remarks>One app for the class: the demo reads here look at demo models nobody here changes; the tests that save create their own models and movements, found by their own ids.</remarks>
public sealed class ModelPageTests(SharedApp shared) : SharedAppTest(shared, "tdkt.btctw@thidua.vn")
{
    private static string S(int i) => i.ToString(CultureInfo.InvariantCulture);

    private async Task<HashSet<int>> AgencyUnitsAsync(string code) =>
        await App.QueryAsync(async db => await ThiDua.Infrastructure.UnitScopeService.SubtreeAsync(db, await db.Units.Where(u => u.Code == code).Select(u => u.Id).SingleAsync()));

    private async Task<string> PersonCodeOfAsync(string agency)
    {
        var units = await AgencyUnitsAsync(agency);
        return await App.QueryAsync(db => db.People.Where(p => p.CurrentUnitId != null && units.Contains(p.CurrentUnitId.Value)).OrderByDescending(p => p.Id).Select(p => p.PersonalCode).FirstAsync());
    }

    private async Task<int> CreatePracticeAsync(string title = "Cách làm hay thử nghiệm")
    {
        var unit = await App.QueryAsync(db => db.Units.Where(u => u.Code == "BTCTW").Select(u => u.Id).SingleAsync());
        var response = await Client.PostFormAsync("/Models/Edit", new()
        {
            ["Input.Kind"] = "Practice", ["Input.UnitId"] = S(unit), ["Input.Title"] = title, ["Input.DiscoveredOn"] = "10/02/2024", ["Input.Note"] = "Phát hiện khi sơ kết.",
        });
        return AgreementTestHelpers.IdFrom(response);
    }

    private Task<int> VersionAsync(int id) => App.QueryAsync(db => db.ExemplaryModels.Where(m => m.Id == id).Select(m => m.Version).SingleAsync());

    private async Task<HttpResponseMessage> StageAsync(int id, string target, string date, string? reason = null, int? version = null) =>
        await Client.PostFormAsync($"/Models/Stage/{id}", new()
        {
            ["Input.Target"] = target, ["Input.OnDate"] = date, ["Input.Note"] = "Ghi chú", ["Input.Reason"] = reason ?? "", ["Input.Version"] = S(version ?? await VersionAsync(id)),
        });

    [Fact]
    public async Task Create_PersonOfOwnAgency_StartsAtDiscoverWithMovementsAndIsAudited()
    {
        var bloc = await MovementTestData.AddAsync(App, "Phong trào khối năm 2024", 2024, targets: ["BTCTW", "HVCTQG"]);
        var national = await MovementTestData.AddAsync(App, "Phong trào toàn quốc 2023", 2023, national: true);
        // A new model is discovered today by default: the form offers this year's and last year's movements.
        var thisYear = await MovementTestData.AddAsync(App, "Phong trào khối năm nay", DateTime.UtcNow.AddHours(7).Year, targets: ["BTCTW"]);
        var form = await (await Client.GetAsync("/Models/Edit")).HtmlAsync();
        Assert.Contains($"name=\"Input.MovementIds\" value=\"{thisYear}\"", form);
        var code = await PersonCodeOfAsync("BTCTW");
        var response = await Client.PostFormAsync("/Models/Edit", new()
        {
            ["Input.Kind"] = "Person", ["Input.PersonalCode"] = code, ["Input.DiscoveredOn"] = "10/02/2024", ["Input.MovementIds[0]"] = S(national), ["Input.MovementIds[1]"] = S(bloc),
            ["Input.Evidence"] = "Biên bản họp chi bộ",
        });
        var id = AgreementTestHelpers.IdFrom(response);
        var m = await App.QueryAsync(db => db.ExemplaryModels.Include(x => x.Movements).Include(x => x.Stages).AsNoTracking().SingleAsync(x => x.Id == id));
        Assert.Equal((ModelStage.Discover, 2024, false), (m.Stage, m.Year, m.OnPortal));
        Assert.Equal([bloc, national], m.Movements.Select(x => x.MovementId).Order());
        Assert.Equal("Biên bản họp chi bộ", Assert.Single(m.Stages).Evidence);
        var audit = await App.QueryAsync(db => db.AuditEntries.SingleAsync(e => e.EntityType == "ExemplaryModel" && e.EntityId == id.ToString()));
        Assert.Equal(("Thêm gương điển hình", "tdkt.btctw@thidua.vn"), (audit.Action, audit.UserName));
        Assert.StartsWith("trước: — → sau: Cá nhân ", audit.Details, StringComparison.Ordinal);
        Assert.EndsWith("; phong trào: Phong trào toàn quốc 2023 (2023); Phong trào khối năm 2024 (2024)", audit.Details, StringComparison.Ordinal);
        var html = await (await Client.GetAsync($"/Models/Details/{id}")).HtmlAsync();
        Assert.Contains($"<a href=\"/Movements/Details/{national}\">Phong trào toàn quốc 2023</a>", html);
        Assert.Contains($"<a href=\"/Movements/Details/{bloc}\">Phong trào khối năm 2024</a>", html);
        Assert.DoesNotContain("Phong trào số", html);
    }

    [Fact]
    public async Task Create_ForgedMovementId_IsRefusedInVietnameseAndWritesNothing()
    {
        var elsewhere = await MovementTestData.AddAsync(App, "Phong trào chỉ của Học viện", 2024, targets: ["HVCTQG"]);
        var count = await App.QueryAsync(db => db.ExemplaryModels.CountAsync());
        var audits = await App.QueryAsync(db => db.AuditEntries.CountAsync(e => e.EntityType == "ExemplaryModel"));
        var form = await (await Client.GetAsync("/Models/Edit")).HtmlAsync();
        Assert.DoesNotContain("Phong trào chỉ của Học viện", form);
        var response = await Client.PostFormAsync("/Models/Edit", new()
        {
            ["Input.Kind"] = "Person", ["Input.PersonalCode"] = await PersonCodeOfAsync("BTCTW"), ["Input.DiscoveredOn"] = "10/02/2024", ["Input.MovementIds[0]"] = S(elsewhere),
        });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Phong trào thi đua: chỉ chọn được phong trào mà cơ quan của gương điển hình được phát động hoặc tham gia", await response.HtmlAsync());
        Assert.Equal(count, await App.QueryAsync(db => db.ExemplaryModels.CountAsync()));
        Assert.Equal(audits, await App.QueryAsync(db => db.AuditEntries.CountAsync(e => e.EntityType == "ExemplaryModel")));
    }

    [Fact]
    public async Task Edit_Form_ListsMovementsTheAgencyMaySeeOfTheYearAndTheYearBefore_NotOthers()
    {
        var shown = await MovementTestData.AddAsync(App, "Khối phát động tới Ban Tổ chức 2024", 2024, targets: ["BTCTW"]);
        var lastYear = await MovementTestData.AddAsync(App, "Phong trào riêng của Ban Tổ chức 2023", 2023, MovementState.Ended, launchedBy: "BTCTW");
        await MovementTestData.AddAsync(App, "Khối phát động tới Học viện 2024", 2024, targets: ["HVCTQG"]);
        await MovementTestData.AddAsync(App, "Dự thảo của Ban Tổ chức 2024", 2024, MovementState.Draft, launchedBy: "BTCTW");
        await MovementTestData.AddAsync(App, "Khối phát động tới Ban Tổ chức 2021", 2021, targets: ["BTCTW"]);
        var id = await CreatePracticeAsync();
        var html = await (await Client.GetAsync($"/Models/Edit/{id}")).HtmlAsync();
        Assert.Contains($"name=\"Input.MovementIds\" value=\"{shown}\"", html);
        Assert.Contains("Khối phát động tới Ban Tổ chức 2024", html);
        Assert.Contains($"name=\"Input.MovementIds\" value=\"{lastYear}\"", html);
        Assert.DoesNotContain("Khối phát động tới Học viện 2024", html);
        Assert.DoesNotContain("Dự thảo của Ban Tổ chức 2024", html);
        Assert.DoesNotContain("Khối phát động tới Ban Tổ chức 2021", html);
        Assert.DoesNotContain("name=\"Input.Movements\"", html);
    }

    [Fact]
    public async Task Edit_ForgedMovementId_IsRefusedAndNothingSaved()
    {
        var id = await CreatePracticeAsync();
        var own = await MovementTestData.AddAsync(App, "Khối phát động tới Ban Tổ chức 2024", 2024, targets: ["BTCTW"]);
        var version = await VersionAsync(id);
        foreach (var forged in new[]
        {
            await MovementTestData.AddAsync(App, "Khối phát động tới Học viện 2024", 2024, targets: ["HVCTQG"]),
            await MovementTestData.AddAsync(App, "Dự thảo của Ban Tổ chức 2024", 2024, MovementState.Draft, launchedBy: "BTCTW"),
            await MovementTestData.AddAsync(App, "Phong trào riêng của Học viện 2024", 2024, launchedBy: "HVCTQG"),
            999999,
        })
        {
            var response = await Client.PostFormAsync($"/Models/Edit/{id}", new()
            {
                ["Input.Kind"] = "Practice", ["Input.Title"] = "Tên đổi lén", ["Input.MovementIds[0]"] = S(own), ["Input.MovementIds[1]"] = S(forged), ["Input.Version"] = S(version),
            });
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Contains("Phong trào thi đua: chỉ chọn được phong trào mà cơ quan của gương điển hình được phát động hoặc tham gia", await response.HtmlAsync());
        }
        var m = await App.QueryAsync(db => db.ExemplaryModels.Include(x => x.Movements).AsNoTracking().SingleAsync(x => x.Id == id));
        Assert.Equal(("Cách làm hay thử nghiệm", version), (m.Title, m.Version));
        Assert.Empty(m.Movements);
        Assert.False(await App.QueryAsync(db => db.AuditEntries.AnyAsync(e => e.EntityType == "ExemplaryModel" && e.EntityId == id.ToString() && e.Action == "Sửa gương điển hình")));
    }

    [Fact]
    public async Task Demo2019_ModelsLinkedToThe2019Movement_ShowItsNameLinked()
    {
        var movement = await App.QueryAsync(db => db.Movements.Where(m => m.Theme == ThiDua.Features.Movements.MovementsDemo.Theme2019 && m.Year == 2019).Select(m => m.Id).SingleAsync());
        var linked = await App.QueryAsync(db => db.ModelMovements.Where(x => x.MovementId == movement).Select(x => x.ModelId).ToListAsync());
        Assert.True(linked.Count >= 5);
        var youth = await App.QueryAsync(db => db.ExemplaryModels.Where(m => m.Unit!.Code == "BTCTW-DTN").Select(m => m.Id).SingleAsync());
        Assert.Contains(youth, linked);
        var html = await (await Client.GetAsync($"/Models/Details/{youth}")).HtmlAsync();
        Assert.Contains($"<a href=\"/Movements/Details/{movement}\">{ThiDua.Features.Movements.MovementsDemo.Theme2019}</a>", html);
        var form = await (await Client.GetAsync($"/Models/Edit/{youth}")).HtmlAsync();
        Assert.Contains($"<input type=\"checkbox\" name=\"Input.MovementIds\" value=\"{movement}\" checked=\"checked\" />", form);
        var audit = await App.QueryAsync(db => db.AuditEntries.Where(e => e.EntityType == "ExemplaryModel" && e.EntityId == youth.ToString() && e.Action == "Thêm gương điển hình").Select(e => e.Details).SingleAsync());
        Assert.EndsWith($"phong trào: {ThiDua.Features.Movements.MovementsDemo.Theme2019} (2019)", audit, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Create_PersonOrUnitOfAnotherAgency_IsRefusedAndWritesNothing()
    {
        var count = await App.QueryAsync(db => db.ExemplaryModels.CountAsync());
        var hvUnit = await App.QueryAsync(db => db.Units.Where(u => u.Code == "HVCTQG").Select(u => u.Id).SingleAsync());
        var attempts = new Dictionary<string, string>[]
        {
            new() { ["Input.Kind"] = "Person", ["Input.PersonalCode"] = await PersonCodeOfAsync("HVCTQG"), ["Input.DiscoveredOn"] = "10/02/2024" },
            new() { ["Input.Kind"] = "Collective", ["Input.UnitId"] = S(hvUnit), ["Input.DiscoveredOn"] = "10/02/2024" },
            new() { ["Input.Kind"] = "Practice", ["Input.UnitId"] = S(hvUnit), ["Input.Title"] = "Cách làm của cơ quan khác", ["Input.DiscoveredOn"] = "10/02/2024" },
        };
        foreach (var fields in attempts)
        {
            var response = await Client.PostFormAsync("/Models/Edit", fields);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Contains("Chỉ ghi được gương điển hình của cơ quan mình: cán bộ hoặc đơn vị đã chọn thuộc cơ quan khác.", await response.HtmlAsync());
        }
        Assert.Equal(count, await App.QueryAsync(db => db.ExemplaryModels.CountAsync()));
    }

    [Theory]
    [InlineData("Person", "KHONG-CO-MA", "", "Mã cá nhân: không có cán bộ nào mang mã này.")]
    [InlineData("Collective", "", "999999", "Tập thể: hãy chọn một đơn vị có trong danh sách.")]
    [InlineData("Collective", "", "abc", "Tập thể / đơn vị chủ quản")]
    [InlineData("Nope", "", "", "Loại gương điển hình")]
    [InlineData("99", "", "", "Loại gương điển hình")]
    public async Task Create_HostileInput_IsRefusedInVietnameseNamingTheField(string kind, string code, string unit, string message)
    {
        var response = await Client.PostFormAsync("/Models/Edit", new() { ["Input.Kind"] = kind, ["Input.PersonalCode"] = code, ["Input.UnitId"] = unit, ["Input.DiscoveredOn"] = "10/02/2024" });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(message, await response.HtmlAsync());
    }

    [Fact]
    public async Task Stage_SkipOrBackWithoutReason_Refused_NextAndBackWithReason_AreAudited()
    {
        var id = await CreatePracticeAsync();
        var skip = await StageAsync(id, "Summarize", "01/03/2024");
        Assert.Contains("Không được bỏ qua giai đoạn: sau \"Phát hiện\" là \"Bồi dưỡng\", chưa đến \"Tổng kết\".", await skip.HtmlAsync());
        Assert.Equal("Đã chuyển sang giai đoạn \"Bồi dưỡng\".", await Client.FlashAfterAsync(await StageAsync(id, "Nurture", "01/03/2024")));
        var early = await StageAsync(id, "Summarize", "01/01/2024");
        Assert.Contains("Ngày (01/01/2024) không được trước ngày của bước trước (01/03/2024).", await early.HtmlAsync());
        var back = await StageAsync(id, "Discover", "02/03/2024");
        Assert.Contains("Quay lại giai đoạn \"Phát hiện\": hãy nhập lý do.", await back.HtmlAsync());
        Assert.Equal(ModelStage.Nurture, await App.QueryAsync(db => db.ExemplaryModels.Where(m => m.Id == id).Select(m => m.Stage).SingleAsync()));
        Assert.Equal(HttpStatusCode.Redirect, (await StageAsync(id, "Discover", "02/03/2024", "Cần xác minh lại thông tin")).StatusCode);
        var audit = await App.QueryAsync(db => db.AuditEntries.Where(e => e.EntityType == "ExemplaryModel" && e.EntityId == id.ToString()).OrderBy(e => e.Id).Select(e => new { e.Action, e.Details }).ToListAsync());
        Assert.Equal(["Thêm gương điển hình", "Gương điển hình chuyển giai đoạn", "Gương điển hình quay lại giai đoạn trước"], audit.Select(a => a.Action));
        Assert.Equal("trước: Phát hiện → sau: Bồi dưỡng, ngày 01/03/2024", audit[1].Details);
        Assert.Equal("trước: Bồi dưỡng → sau: Phát hiện, ngày 02/03/2024; lý do: Cần xác minh lại thông tin", audit[2].Details);
        Assert.Equal(3, await App.QueryAsync(db => db.ModelStageEntries.CountAsync(e => e.ModelId == id)));
    }

    [Theory]
    [InlineData("99")]
    [InlineData("Everything")]
    public async Task Stage_UnknownTarget_IsRefusedNotA500(string target)
    {
        var id = await CreatePracticeAsync();
        var response = await StageAsync(id, target, "01/03/2024");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Giai đoạn", await response.HtmlAsync());
        Assert.Equal(ModelStage.Discover, await App.QueryAsync(db => db.ExemplaryModels.Where(m => m.Id == id).Select(m => m.Stage).SingleAsync()));
    }

    [Fact]
    public async Task Stage_StaleVersion_ShowsConflictKeepsInputAndChangesNothing()
    {
        var id = await CreatePracticeAsync();
        var stale = await VersionAsync(id);
        await Client.PostFormAsync($"/Models/Details/{id}?handler=Portal", new() { ["onPortal"] = "true", ["version"] = S(stale) }, $"/Models/Details/{id}");
        var response = await Client.PostFormAsync($"/Models/Stage/{id}", new()
        {
            ["Input.Target"] = "Nurture", ["Input.OnDate"] = "01/03/2024", ["Input.Note"] = "Ghi chú tôi vừa gõ", ["Input.Version"] = S(stale),
        });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.HtmlAsync();
        Assert.Contains(ModelRules.ConflictMessage, html);
        Assert.Contains("Ghi chú tôi vừa gõ", html);
        Assert.Contains($"name=\"Input.Version\" value=\"{await VersionAsync(id)}\"", html);
        Assert.Equal(ModelStage.Discover, await App.QueryAsync(db => db.ExemplaryModels.Where(m => m.Id == id).Select(m => m.Stage).SingleAsync()));
    }

    [Fact]
    public async Task Stage_EvidenceFile_DocxKeptAndDownloadable_OtherContentRefused()
    {
        var id = await CreatePracticeAsync();
        var fields = new Dictionary<string, string> { ["Input.Target"] = "Nurture", ["Input.OnDate"] = "01/03/2024", ["Input.Version"] = S(await VersionAsync(id)) };
        var refused = await Client.PostFileAsync($"/Models/Stage/{id}", $"/Models/Stage/{id}", "bao-cao.docx", "MZ\u0090\0not a document"u8.ToArray(), fields);
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("Tệp minh chứng: nội dung tệp \"bao-cao.docx\" không phải PDF, PNG, JPG, DOCX/XLSX.", await refused.HtmlAsync());
        // A zip that is not a Word document or a workbook: refused, naming the file.
        var zip = await Client.PostFileAsync($"/Models/Stage/{id}", $"/Models/Stage/{id}", "bao-cao.docx", Infrastructure.DocumentFilesTests.PlainZip(), fields);
        Assert.Contains("Tệp minh chứng: tệp \"bao-cao.docx\" là tệp nén nhưng không phải văn bản Word (.docx) hay bảng tính Excel (.xlsx).", await zip.HtmlAsync());
        var docx = Infrastructure.DocumentFilesTests.Docx();
        var ok = await Client.PostFileAsync($"/Models/Stage/{id}", $"/Models/Stage/{id}", "bao-cao.docx", docx, fields);
        Assert.Equal(HttpStatusCode.Redirect, ok.StatusCode);
        var entry = await App.QueryAsync(db => db.ModelStageEntries.Where(e => e.ModelId == id && e.Stage == ModelStage.Nurture).Select(e => new { e.Id, e.EvidenceFileName }).SingleAsync());
        Assert.Equal("bao-cao.docx", entry.EvidenceFileName);
        var file = await Client.GetAsync($"/Models/Evidence/{entry.Id}");
        Assert.Equal(HttpStatusCode.OK, file.StatusCode);
        Assert.Equal(docx, await file.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task Portal_OwnAgency_SetAndClearedWithAudit()
    {
        var id = await CreatePracticeAsync();
        var page = $"/Models/Details/{id}";
        Assert.Equal("Đã đánh dấu đưa lên cổng thông tin.", await Client.FlashAfterAsync(await Client.PostFormAsync($"{page}?handler=Portal", new() { ["onPortal"] = "true", ["version"] = S(await VersionAsync(id)) }, page)));
        Assert.True(await App.QueryAsync(db => db.ExemplaryModels.Where(m => m.Id == id).Select(m => m.OnPortal).SingleAsync()));
        Assert.Equal("Đã bỏ đánh dấu đưa lên cổng thông tin.", await Client.FlashAfterAsync(await Client.PostFormAsync($"{page}?handler=Portal", new() { ["onPortal"] = "false", ["version"] = S(await VersionAsync(id)) }, page)));
        var actions = await App.QueryAsync(db => db.AuditEntries.Where(e => e.EntityType == "ExemplaryModel" && e.EntityId == id.ToString()).OrderBy(e => e.Id).Select(e => e.Action).ToListAsync());
        Assert.Equal(["Thêm gương điển hình", "Đưa gương điển hình lên cổng thông tin", "Gỡ gương điển hình khỏi cổng thông tin"], actions);
    }

    [Fact]
    public async Task Edit_TitleAndMovements_SavedWithAudit()
    {
        var id = await CreatePracticeAsync();
        var movement = await MovementTestData.AddAsync(App, "Thi đua cải cách hành chính", 2024, targets: ["BTCTW"]);
        var response = await Client.PostFormAsync($"/Models/Edit/{id}", new()
        {
            ["Input.Kind"] = "Practice", ["Input.Title"] = "Tên mới", ["Input.Description"] = "Mô tả", ["Input.MovementIds[0]"] = S(movement), ["Input.Version"] = S(await VersionAsync(id)),
        });
        Assert.Equal("Đã lưu gương điển hình.", await Client.FlashAfterAsync(response));
        var audit = await App.QueryAsync(db => db.AuditEntries.SingleAsync(e => e.EntityType == "ExemplaryModel" && e.EntityId == id.ToString() && e.Action == "Sửa gương điển hình"));
        Assert.Equal("trước: tên: Cách làm hay thử nghiệm; mô tả 0 ký tự; phong trào: — → sau: tên: Tên mới; mô tả 5 ký tự; phong trào: Thi đua cải cách hành chính (2024)", audit.Details);
        var bad = await Client.PostFormAsync($"/Models/Edit/{id}", new() { ["Input.Kind"] = "Practice", ["Input.Title"] = "X", ["Input.MovementIds[0]"] = "bốn", ["Input.Version"] = S(await VersionAsync(id)) });
        Assert.Equal(HttpStatusCode.OK, bad.StatusCode);
        Assert.Contains("Phong trào thi đua: giá trị không hợp lệ; hãy chọn trong danh sách.", await bad.HtmlAsync());
        Assert.Equal("Tên mới", await App.QueryAsync(db => db.ExemplaryModels.Where(m => m.Id == id).Select(m => m.Title).SingleAsync()));
        var many = new Dictionary<string, string> { ["Input.Kind"] = "Practice", ["Input.Title"] = "X", ["Input.Version"] = S(await VersionAsync(id)) };
        for (var i = 0; i <= ModelRules.MovementsMax; i++) many[$"Input.MovementIds[{i}]"] = S(i + 1);
        Assert.Contains($"Phong trào thi đua: tối đa {ModelRules.MovementsMax} phong trào.", await (await Client.PostFormAsync($"/Models/Edit/{id}", many)).HtmlAsync());
    }

    [Fact]
    public async Task Index_HostileFilters_SaySoNotA500()
    {
        var response = await Client.GetAsync("/Models?stage=99&kind=abc&year=abc&agency=-5");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.HtmlAsync();
        Assert.Contains("Giai đoạn: giá trị không hợp lệ; đang hiển thị mọi giai đoạn.", html);
        Assert.Contains("Loại: giá trị không hợp lệ; đang hiển thị mọi loại.", html);
        Assert.Contains("Năm phải từ 2000 đến 2100; đang hiển thị mọi năm.", html);
        Assert.Contains("Cơ quan: hãy chọn một cơ quan trong danh sách", html);
    }
}

/// <summary>The demo register counted whole (any model another test adds would change the count), over its own copy of the demo database.</summary>
public sealed class ModelRegisterTests() : AppTest("tdkt.btctw@thidua.vn")
{
    [Fact]
    public async Task Demo2019_RegisterHasModelsAcrossAgenciesAndStages_TwoOnThePortal()
    {
        var models = await App.QueryAsync(db => db.ExemplaryModels.Include(m => m.Stages).Include(m => m.Unit).AsNoTracking().ToListAsync());
        Assert.InRange(models.Count, 6, 10);
        Assert.True(models.Select(m => m.AgencyId).Distinct().Count() >= 4);
        Assert.Equal(4, models.Select(m => m.Stage).Distinct().Count());
        Assert.Equal(2, models.Count(m => m.OnPortal));
        Assert.True(models.Count(m => m.Kind == ModelKind.Person) >= 3);
        var youth = Assert.Single(models, m => m.Unit?.Code == "BTCTW-DTN");
        Assert.Equal((ModelKind.Collective, ModelStage.Replicate, true), (youth.Kind, youth.Stage, youth.OnPortal));
        Assert.Equal([ModelStage.Discover, ModelStage.Nurture, ModelStage.Summarize, ModelStage.Replicate], youth.Stages.OrderBy(s => s.Id).Select(s => s.Stage));
        var culture = Assert.Single(models, m => m.Kind == ModelKind.Practice && m.Title!.Contains("văn hóa công sở", StringComparison.Ordinal));
        Assert.True(culture.OnPortal);
        Assert.Contains(models, m => m.Stages.Any(s => s.Reason is not null));
        Assert.All(models, m => Assert.Equal(2019, m.Year));
        var audited = await App.QueryAsync(db => db.AuditEntries.Where(e => e.EntityType == "ExemplaryModel").Select(e => e.EntityId).Distinct().CountAsync());
        Assert.Equal(models.Count, audited);
    }
}
