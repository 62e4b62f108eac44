using Microsoft.EntityFrameworkCore;
using MiniExcelLibs;
using ThiDua.Features.Eligibility;
using ThiDua.Features.People;
using W = ThiDua.Features.People.PeopleWorkbook;

namespace ThiDua.Tests.People;

public sealed class ImportTests() : AppTest("tdkt.btctw@thidua.vn")
{
    internal static byte[] Workbook(IEnumerable<Dictionary<string, object?>> people, IEnumerable<Dictionary<string, object?>>? ratings = null,
        IEnumerable<Dictionary<string, object?>>? initiatives = null, IEnumerable<Dictionary<string, object?>>? awards = null)
    {
        var sheets = new Dictionary<string, object> { [W.PeopleSheet] = people.ToList() };
        if (ratings is not null) sheets[W.RatingsSheet] = ratings.ToList();
        if (initiatives is not null) sheets[W.InitiativesSheet] = initiatives.ToList();
        if (awards is not null) sheets[W.AwardsSheet] = awards.ToList();
        using var ms = new MemoryStream();
        ms.SaveAs(sheets, excelType: ExcelType.XLSX);
        return ms.ToArray();
    }

    internal static Dictionary<string, object?> Person(string code, string family, string? middle, string given, string gender, string birth, string unitCode, string hired = "01/09/2012") => new()
    {
        [W.Code] = code, [W.Family] = family, [W.Middle] = middle, [W.Given] = given, [W.GenderCol] = gender,
        [W.Birth] = birth, [W.PositionCol] = "Chuyên viên", [W.UnitCode] = unitCode, [W.Hired] = hired,
    };

    internal static Dictionary<string, object?> RatingRow(string code, int year, string rating) => new() { [W.Code] = code, [W.Year] = year, [W.RatingCol] = rating };

    internal static Dictionary<string, object?> AwardRow(string code, int year, string award, object? periodTo, string? basis) => new()
    {
        [W.Code] = code, [W.Year] = year, [W.AwardCode] = award, [W.Authority] = "Trưởng Ban Tổ chức Trung ương",
        [W.Decision] = $"{year}-QĐ/BTCTW", [W.DecisionDate] = $"15/01/{year}", [W.PeriodTo] = periodTo, [W.Basis] = basis,
    };

    private Task<ImportJob> UploadAsync(byte[] xlsx, bool validRowsOnly = false, string fileName = "can-bo.xlsx") => UploadAsync(App, Client, xlsx, validRowsOnly, fileName);

    internal static async Task<ImportJob> UploadAsync(TestApp App, HttpClient Client, byte[] xlsx, bool validRowsOnly = false, string fileName = "can-bo.xlsx")
    {
        var token = await Client.AntiforgeryTokenAsync("/People/Import");
        using var form = new MultipartFormDataContent();
        form.Add(new StringContent(token), "__RequestVerificationToken");
        if (validRowsOnly) form.Add(new StringContent("true"), "AcceptValidRowsOnly");
        var file = new ByteArrayContent(xlsx);
        file.Headers.ContentType = new("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        form.Add(file, "Upload", fileName);
        var response = await Client.PostAsync("/People/Import", form);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var status = response.Headers.Location!.ToString();
        Assert.Contains("/People/ImportStatus/", status);
        var id = int.Parse(status[(status.LastIndexOf('/') + 1)..]);
        for (var i = 0; i < 600; i++)
        {
            var job = await App.QueryAsync(db => db.ImportJobs.AsNoTracking().SingleAsync(j => j.Id == id));
            if (job.State is ImportJobState.Succeeded or ImportJobState.Rejected or ImportJobState.Failed)
            {
                var page = await Client.GetStringAsync(status);
                Assert.Contains("import-summary", page);
                return job;
            }
            await Task.Delay(100);
        }
        throw new TimeoutException("import did not finish");
    }

    [Fact]
    public async Task Template_Download_HasEverySheetWithHeaders()
    {
        var bytes = await Client.GetByteArrayAsync("/People/Import?handler=Template");
        using var ms = new MemoryStream(bytes);
        var sheets = ms.GetSheetNames();
        Assert.Equal([W.PeopleSheet, W.RatingsSheet, W.DisciplineSheet, W.InitiativesSheet, W.AwardsSheet, W.GuideSheet], sheets);
        ms.Position = 0;
        var header = (IDictionary<string, object>)ms.Query(sheetName: W.PeopleSheet).First();
        Assert.Equal(W.PeopleColumns, header.Values.Select(v => v?.ToString() ?? "").ToArray());
    }

    [Fact]
    public async Task Import_ValidFile_CreatesPeopleWithHistory_AndReimportChangesNothing()
    {
        var xlsx = Workbook(
            [Person("IMP-0001", "Trần", "Thị", "Ánh", "Nữ", "12/05/1988", "BTCTW-D01"), Person("IMP-0002", "Lê", null, "Đạt", "Nam", "01/01/1979", "BTCTW-D02")],
            [RatingRow("IMP-0001", 2024, "HTXSNV"), RatingRow("IMP-0001", 2025, "HTTNV"), RatingRow("IMP-0002", 2025, "HTXSNV")]);
        var job = await UploadAsync(xlsx);
        Assert.Equal(ImportJobState.Succeeded, job.State);
        Assert.Equal((2, 0, 3), (job.CreatedPeople, job.UpdatedPeople, job.ChangedHistoryRows));
        var anh = await App.QueryAsync(db => db.People.Include(p => p.Ratings).Include(p => p.Memberships).SingleAsync(p => p.PersonalCode == "IMP-0001"));
        Assert.Equal("Trần Thị Ánh", anh.FullName);
        Assert.Equal("tran thi anh", anh.SearchName);
        Assert.Equal(2, anh.Ratings.Count);
        Assert.Single(anh.Memberships);

        var again = await UploadAsync(xlsx);
        Assert.Equal(ImportJobState.Succeeded, again.State);
        Assert.Equal((0, 0, 2, 0), (again.CreatedPeople, again.UpdatedPeople, again.UnchangedPeople, again.ChangedHistoryRows));
        Assert.Equal(1, await App.QueryAsync(db => db.People.CountAsync(p => p.PersonalCode == "IMP-0001")));
        Assert.Equal(2, await App.QueryAsync(db => db.YearRatings.CountAsync(r => r.PersonId == anh.Id)));
    }

    [Fact]
    public async Task Import_FileWithBadCells_RejectsWholeFileWithReasonPerCell()
    {
        var xlsx = Workbook(
            [Person("IMP-1001", "Phạm", "Văn", "Hùng", "Nam", "03/03/1985", "BTCTW-D01"),
             Person("IMP-1002", "Võ", "Thị", "Lan", "Nữa", "31/02/1990", "BTCTW-D01"),
             Person("IMP-1003", "Đỗ", null, "Minh", "Nam", "01/01/1990", "HVCTQG-D01")],
            [RatingRow("IMP-1001", 2025, "HTXS")]);
        var job = await UploadAsync(xlsx);
        Assert.Equal(ImportJobState.Rejected, job.State);
        Assert.Equal(1, job.AcceptedRows);
        Assert.Equal(3, job.RejectedRows);
        Assert.False(await App.QueryAsync(db => db.People.AnyAsync(p => p.PersonalCode.StartsWith("IMP-10"))));
        var report = PeopleImporter.ParseReport(job.ReportJson);
        var messages = report.SelectMany(r => r.Messages).ToList();
        Assert.Contains("Dòng 3, cột \"Giới tính\": \"Nữa\" không hợp lệ (Nam hoặc Nữ)", messages);
        Assert.Contains("Dòng 3, cột \"Ngày sinh\": \"31/02/1990\" không phải ngày hợp lệ (dd/mm/yyyy)", messages);
        Assert.Contains("Dòng 4, cột \"Mã đơn vị\": đơn vị \"HVCTQG-D01\" ngoài phạm vi đơn vị của bạn", messages);
        Assert.Contains("Dòng 2, cột \"Xếp loại\": \"HTXS\" không hợp lệ (HTXSNV, HTTNV, HTNV, KHTNV)", messages);
        var page = WebUtility.HtmlDecode(await Client.GetStringAsync($"/People/ImportStatus/{job.Id}"));
        Assert.Contains("Có dòng lỗi nên chưa ghi dòng nào", page);
        Assert.Contains("\"Nữa\" không hợp lệ", page);
    }

    [Fact]
    public async Task Import_ValidRowsOnly_WritesAcceptedRowsAndSkipsRejected()
    {
        var xlsx = Workbook(
            [Person("IMP-2001", "Bùi", "Quang", "Huy", "Nam", "03/03/1985", "BTCTW-D01"), Person("IMP-2002", "", "Thị", "Mai", "Nữ", "01/01/1990", "BTCTW-D01")]);
        var job = await UploadAsync(xlsx, validRowsOnly: true);
        Assert.Equal(ImportJobState.Succeeded, job.State);
        Assert.Equal((1, 1), (job.AcceptedRows, job.RejectedRows));
        Assert.True(await App.QueryAsync(db => db.People.AnyAsync(p => p.PersonalCode == "IMP-2001")));
        Assert.False(await App.QueryAsync(db => db.People.AnyAsync(p => p.PersonalCode == "IMP-2002")));
        Assert.Contains("Dòng 3, cột \"Họ\": bắt buộc, đang để trống", PeopleImporter.ParseReport(job.ReportJson).SelectMany(r => r.Messages));
    }

    [Fact]
    public async Task Import_ChangedRow_UpdatesPersonAndMovesUnit()
    {
        await UploadAsync(Workbook([Person("IMP-3001", "Hồ", "Ngọc", "Hà", "Nữ", "09/09/1991", "BTCTW-D01")]));
        var job = await UploadAsync(Workbook([Person("IMP-3001", "Hồ", "Ngọc", "Hà", "Nữ", "09/09/1991", "BTCTW-D02")]));
        Assert.Equal((0, 1), (job.CreatedPeople, job.UpdatedPeople));
        var person = await App.QueryAsync(db => db.People.Include(p => p.Memberships).ThenInclude(m => m.Unit).SingleAsync(p => p.PersonalCode == "IMP-3001"));
        Assert.Equal(2, person.Memberships.Count);
        Assert.Equal("BTCTW-D02", person.Memberships.Single(m => m.To is null).Unit!.Code);
    }

    [Fact]
    public async Task Upload_NotAnXlsx_IsRefusedByContent()
    {
        var token = await Client.AntiforgeryTokenAsync("/People/Import");
        using var form = new MultipartFormDataContent();
        form.Add(new StringContent(token), "__RequestVerificationToken");
        form.Add(new ByteArrayContent("Họ,Tên\nNguyễn,An"u8.ToArray()), "Upload", "gia-mao.xlsx");
        var response = await Client.PostAsync("/People/Import", form);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Nội dung tệp không phải bảng tính .xlsx", await response.Content.ReadAsStringAsync());
        Assert.False(await App.QueryAsync(db => db.ImportJobs.AnyAsync(j => j.FileName == "gia-mao.xlsx")));
    }

    [Fact]
    public async Task Export_FilteredList_IsAnXlsxThatReimportsUnchanged()
    {
        var bytes = await Client.GetByteArrayAsync("/People?handler=Export&q=nguyen");
        using var ms = new MemoryStream(bytes);
        var rows = ms.Query(useHeaderRow: true, sheetName: W.PeopleSheet).Cast<IDictionary<string, object>>().ToList();
        var expected = await App.QueryAsync(async db =>
        {
            var officerUnits = await db.Units.Where(u => u.Code.StartsWith("BTCTW")).Select(u => u.Id).ToListAsync();
            return await db.People.CountAsync(p => p.SearchName.Contains("nguyen") && officerUnits.Contains(p.CurrentUnitId!.Value));
        });
        Assert.Equal(expected, rows.Count);
        Assert.All(rows, r => Assert.Contains("nguyen", ThiDua.Infrastructure.VietnameseText.Fold($"{r[W.Family]} {r[W.Middle]} {r[W.Given]}")));
        var job = await UploadAsync(bytes, fileName: "xuat.xlsx");
        Assert.Equal(ImportJobState.Succeeded, job.State);
        Assert.Equal((0, 0, expected), (job.CreatedPeople, job.UpdatedPeople, job.UnchangedPeople));
    }

    [Fact]
    public async Task Template_AwardsSheet_HasPeriodAndBasisColumnsAndTheGuideExplainsThem()
    {
        var bytes = await Client.GetByteArrayAsync("/People/Import?handler=Template");
        using var ms = new MemoryStream(bytes);
        var header = (IDictionary<string, object>)ms.Query(sheetName: W.AwardsSheet).First();
        Assert.Equal([W.Code, W.Year, W.AwardCode, W.Authority, W.Decision, W.DecisionDate, "Thành tích đến năm", "Loại thành tích"], header.Values.Select(v => v?.ToString() ?? "").ToArray());
        ms.Position = 0;
        var guide = ms.Query(useHeaderRow: true, sheetName: W.GuideSheet).Cast<IDictionary<string, object>>().ToDictionary(r => r["Cột"].ToString()!, r => r["Hướng dẫn"].ToString()!);
        Assert.Contains("để trống nếu quyết định không ghi", guide["Thành tích đến năm"]);
        Assert.Contains("Công trạng", guide["Loại thành tích"]);
        Assert.Contains("Đột xuất", guide["Loại thành tích"]);
        Assert.Contains("Chuyên đề", guide["Loại thành tích"]);
    }

    [Fact]
    public async Task Import_AwardsWithPeriodAndBasis_StoresThem_AndReimportChangesNothing()
    {
        var xlsx = Workbook([Person("IMP-4001", "Đặng", "Thu", "Hà", "Nữ", "02/02/1980", "BTCTW-D01")], awards:
            [AwardRow("IMP-4001", 2020, "BK_BO", 2019, "Công trạng"), AwardRow("IMP-4001", 2021, "GK", null, "dot xuat"),
             AwardRow("IMP-4001", 2022, "GK", "", "CHUYÊN ĐỀ"), AwardRow("IMP-4001", 2023, "LDTT", null, null)]);
        var job = await UploadAsync(xlsx);
        Assert.Equal(ImportJobState.Succeeded, job.State);
        Assert.Equal(4, job.ChangedHistoryRows);
        var awards = await App.QueryAsync(db => db.Awards.Where(a => a.Person!.PersonalCode == "IMP-4001").OrderBy(a => a.Year).Select(a => new { a.Year, a.PeriodTo, a.Basis }).ToListAsync());
        Assert.Equal([(2020, (int?)2019, AwardBasis.Merit), (2021, null, AwardBasis.DotXuat), (2022, null, AwardBasis.ChuyenDe), (2023, null, AwardBasis.Merit)],
            awards.Select(a => (a.Year, a.PeriodTo, a.Basis)).ToList());

        var again = await UploadAsync(xlsx);
        Assert.Equal((0, 0), (again.CreatedPeople, again.ChangedHistoryRows));

        // A changed period or basis is an update of the same award, not a second award.
        var changed = await UploadAsync(Workbook([Person("IMP-4001", "Đặng", "Thu", "Hà", "Nữ", "02/02/1980", "BTCTW-D01")], awards: [AwardRow("IMP-4001", 2020, "BK_BO", 2018, "Chuyên đề")]));
        Assert.Equal(1, changed.ChangedHistoryRows);
        var bkbo = await App.QueryAsync(db => db.Awards.Where(a => a.Person!.PersonalCode == "IMP-4001" && a.Code == "BK_BO").Select(a => new { a.PeriodTo, a.Basis }).SingleAsync());
        Assert.Equal((2018, AwardBasis.ChuyenDe), (bkbo.PeriodTo!.Value, bkbo.Basis));
    }

    [Fact]
    public async Task Import_BadPeriodOrBasis_RejectsWholeFileWithReasonPerCell()
    {
        var xlsx = Workbook([Person("IMP-5001", "Mai", "Văn", "Tiến", "Nam", "02/02/1980", "BTCTW-D01")], awards:
            [AwardRow("IMP-5001", 2020, "BK_BO", 2021, "Công trạng"), AwardRow("IMP-5001", 2021, "GK", 1900, null),
             AwardRow("IMP-5001", 2022, "GK", "hai nghìn", null), AwardRow("IMP-5001", 2023, "LDTT", null, "thường xuyên"),
             AwardRow("IMP-5001", 2019, "GK", null, null), AwardRow("IMP-5001", 2019, "GK", null, "Đột xuất")]);
        var job = await UploadAsync(xlsx);
        Assert.Equal(ImportJobState.Rejected, job.State);
        Assert.False(await App.QueryAsync(db => db.People.AnyAsync(p => p.PersonalCode == "IMP-5001")));
        var report = PeopleImporter.ParseReport(job.ReportJson);
        var awardMessages = report.Where(r => r.Sheet == W.AwardsSheet).SelectMany(r => r.Messages).ToList();
        Assert.Equal(
        [
            "Dòng 2, cột \"Thành tích đến năm\": năm 2021 sau năm quyết định (2020): thành tích không thể kết thúc sau quyết định khen thưởng",
            "Dòng 3, cột \"Thành tích đến năm\": năm 1900 không hợp lệ (từ 1945 đến năm quyết định (2021))",
            "Dòng 4, cột \"Thành tích đến năm\": \"hai nghìn\" không phải năm (từ 1945 đến năm quyết định (2022), hoặc để trống)",
            "Dòng 5, cột \"Loại thành tích\": \"thường xuyên\" không hợp lệ (Công trạng, Đột xuất hoặc Chuyên đề; để trống là Công trạng)",
            "Dòng 7, cột \"Mã danh hiệu, hình thức\": GK năm 2019 của mã \"IMP-5001\" đã có ở dòng 6 (một thành tích không khen hai lần)",
        ], awardMessages);
        var page = WebUtility.HtmlDecode(await Client.GetStringAsync($"/People/ImportStatus/{job.Id}"));
        Assert.Contains(W.AwardsSheet, page);
        Assert.Contains("\"thường xuyên\" không hợp lệ", page);
    }

    [Fact]
    public async Task Export_WritesAwardsWithPeriodAndBasis_AndReimportChangesNoHistory()
    {
        // Someone in scope with a stated period and a one-off award, so the export has both to write.
        var code = await App.QueryAsync(async db =>
        {
            var p = await db.People.Where(p => p.CurrentUnit!.Code == "BTCTW-D01" && p.FamilyName == "Nguyễn").OrderBy(p => p.Id).FirstAsync();
            db.Awards.Add(new ThiDua.Features.Awards.AwardRecord { PersonId = p.Id, Year = 2009, Code = "BK_BO", Authority = "Trưởng Ban", PeriodTo = 2008, Basis = AwardBasis.DotXuat });
            await db.SaveChangesAsync();
            return p.PersonalCode;
        });
        var bytes = await Client.GetByteArrayAsync("/People?handler=Export&q=nguyen");
        using var ms = new MemoryStream(bytes);
        Assert.Equal([W.PeopleSheet, W.AwardsSheet], ms.GetSheetNames());
        ms.Position = 0;
        var rows = ms.Query(useHeaderRow: true, sheetName: W.AwardsSheet).Cast<IDictionary<string, object>>().ToList();
        var row = rows.Single(r => r[W.Code]?.ToString() == code && r[W.Year]?.ToString() == "2009");
        Assert.Equal(("2008", "Đột xuất"), (row[W.PeriodTo]?.ToString(), row[W.Basis]?.ToString()));
        var inScope = await App.QueryAsync(async db =>
        {
            var units = await db.Units.Where(u => u.Code.StartsWith("BTCTW")).Select(u => u.Id).ToListAsync();
            return await db.Awards.CountAsync(a => a.Status == ThiDua.Features.Awards.AwardStatus.Conferred && a.Person!.SearchName.Contains("nguyen") && units.Contains(a.Person.CurrentUnitId!.Value));
        });
        Assert.Equal(inScope, rows.Count);

        var job = await UploadAsync(bytes, fileName: "xuat.xlsx");
        Assert.Equal(ImportJobState.Succeeded, job.State);
        Assert.Equal((0, 0), (job.CreatedPeople, job.ChangedHistoryRows));
    }

    /// <summary>An award row as exports made before "Thành tích đến năm" and "Loại thành tích" existed wrote it.</summary>
    private static Dictionary<string, object?> OldFormatAwardRow(string code, int year, string award, string decision) => new()
    {
        [W.Code] = code, [W.Year] = year, [W.AwardCode] = award, [W.Authority] = "Trưởng Ban Tổ chức Trung ương",
        [W.Decision] = decision, [W.DecisionDate] = $"15/01/{year}",
    };

    private Task<List<string?>> ImportAwardAuditAsync(string code) =>
        App.QueryAsync(db => db.AuditEntries.Where(a => a.Action == "Nhập tệp: sửa khen thưởng" && a.EntityCode == code).OrderBy(a => a.Id).Select(a => a.Details).ToListAsync());

    [Fact]
    public async Task Import_OldFormatSheetWithoutPeriodAndBasisColumns_KeepsStoredPeriodAndBasis()
    {
        var person = Person("IMP-6001", "Lê", "Thị", "Hoa", "Nữ", "02/02/1980", "BTCTW-D01");
        var first = await UploadAsync(Workbook([person], awards: [AwardRow("IMP-6001", 2022, "BK_BO", 2021, "Đột xuất")]));
        Assert.Equal(ImportJobState.Succeeded, first.State);

        // The same award from an older export: no period or basis columns at all. Nothing changes.
        var old = await UploadAsync(Workbook([person], awards: [OldFormatAwardRow("IMP-6001", 2022, "BK_BO", "2022-QĐ/BTCTW")]));
        Assert.Equal((ImportJobState.Succeeded, 0), (old.State, old.ChangedHistoryRows));
        var award = await App.QueryAsync(db => db.Awards.AsNoTracking().SingleAsync(a => a.Person!.PersonalCode == "IMP-6001"));
        Assert.Equal(((int?)2021, AwardBasis.DotXuat), (award.PeriodTo, award.Basis));
        Assert.Empty(await ImportAwardAuditAsync("IMP-6001"));

        // An older export with another decision number changes that, and still keeps the period and the basis.
        var renumbered = await UploadAsync(Workbook([person], awards: [OldFormatAwardRow("IMP-6001", 2022, "BK_BO", "22b-QĐ/BTCTW")]));
        Assert.Equal(1, renumbered.ChangedHistoryRows);
        award = await App.QueryAsync(db => db.Awards.AsNoTracking().SingleAsync(a => a.Person!.PersonalCode == "IMP-6001"));
        Assert.Equal(("22b-QĐ/BTCTW", (int?)2021, AwardBasis.DotXuat), (award.DecisionNumber, award.PeriodTo, award.Basis));
        var audit = Assert.Single(await ImportAwardAuditAsync("IMP-6001")) ?? "";
        Assert.Contains("số QĐ: 2022-QĐ/BTCTW", audit);
        Assert.Contains("số QĐ: 22b-QĐ/BTCTW", audit);
        Assert.Contains("thành tích đến năm: 2021; loại thành tích: Đột xuất", audit[audit.IndexOf("sau:", StringComparison.Ordinal)..]);
    }

    [Fact]
    public async Task Import_ClearedPeriodAndChangedBasis_AreWrittenAndAuditedPerAwardWithBeforeAndAfter()
    {
        var person = Person("IMP-6002", "Lê", "Văn", "Nam", "Nam", "02/02/1980", "BTCTW-D01");
        await UploadAsync(Workbook([person], awards: [AwardRow("IMP-6002", 2022, "BK_BO", 2021, "Đột xuất"), AwardRow("IMP-6002", 2023, "GK", 2022, "Chuyên đề")]));
        var beforeAudits = await App.QueryAsync(db => db.AuditEntries.CountAsync());

        // The headers are there and the cells say "none" / "Công trạng": the file states it, so the values change.
        var changed = await UploadAsync(Workbook([person], awards: [AwardRow("IMP-6002", 2022, "BK_BO", "", "Công trạng"), AwardRow("IMP-6002", 2023, "GK", null, "Chuyên đề")]));
        Assert.Equal((ImportJobState.Succeeded, 2), (changed.State, changed.ChangedHistoryRows));
        var awards = await App.QueryAsync(db => db.Awards.AsNoTracking().Where(a => a.Person!.PersonalCode == "IMP-6002").OrderBy(a => a.Year).Select(a => new { a.Id, a.PeriodTo, a.Basis }).ToListAsync());
        Assert.Equal([((int?)null, AwardBasis.Merit), ((int?)null, AwardBasis.ChuyenDe)], awards.Select(a => (a.PeriodTo, a.Basis)).ToList());

        var audits = await ImportAwardAuditAsync("IMP-6002");
        Assert.Equal(2, audits.Count);
        Assert.StartsWith($"#{awards[0].Id}; trước: 2022 ", audits[0]);
        Assert.Contains("thành tích đến năm: 2021; loại thành tích: Đột xuất; sau: 2022 ", audits[0]);
        Assert.Contains("thành tích đến năm: —; loại thành tích: Công trạng; lần nhập #" + changed.Id + ", tệp \"can-bo.xlsx\"", audits[0]);
        Assert.StartsWith($"#{awards[1].Id}; trước: 2023 ", audits[1]);
        Assert.Contains("thành tích đến năm: 2022; loại thành tích: Chuyên đề; sau: 2023 ", audits[1]);
        Assert.Contains("thành tích đến năm: —; loại thành tích: Chuyên đề; lần nhập #", audits[1]);
        // The per-award entries, the person's entry and the import summary were written together.
        Assert.Equal(beforeAudits + 4, await App.QueryAsync(db => db.AuditEntries.CountAsync()));
    }
}
