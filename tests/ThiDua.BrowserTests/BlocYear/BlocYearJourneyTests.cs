using System.Text.RegularExpressions;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Validation;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using ThiDua.Data;
using ThiDua.Features.Scoring;

namespace ThiDua.BrowserTests.BlocYear;

/// <summary>
/// The bloc's year end to end, through the pages: movement → registration → scoring sheet, self-score, cross-check,
/// reconciliation, ranking → the conference's secret ballot, its tally and minutes. Runs on a year the demo leaves
/// empty, on the fixture's own copy of the demo database.
/// </summary>
public sealed class BlocYearJourneyTests(BrowserFixture fx) : IClassFixture<BrowserFixture>
{
    private const string Secretariat = "thuongtruc.khoi@thidua.vn";
    private const string Btctw = "tdkt.btctw@thidua.vn";
    private const string Hvctqg = "tdkt.hvctqg@thidua.vn";
    private const string BtctwName = "Ban Tổ chức Trung ương";
    private const string HvctqgName = "Học viện Chính trị quốc gia Hồ Chí Minh";
    private const string DukName = "Đảng ủy Khối các cơ quan Trung ương";
    private const string Crit1 = "Hoàn thành nhiệm vụ chính trị được giao";
    private const string Crit2 = "Công tác xây dựng Đảng, đoàn thể";


    private static Task Expect(ILocator l) => Assertions.Expect(l).ToBeVisibleAsync();

    /// <summary>The sheet's row of one unit's card (by the first cell: another row may name the unit as its reviewer).</summary>
    private static ILocator CardRow(IPage page, string unit) => page.Locator($"#cards tbody tr:has(td:first-child:text-is('{unit}'))");

    [Fact]
    public async Task BlocYear_LaunchRegisterScoreCheckReconcilePublishVote_TallyAndMinutesAppear()
    {
        // The demo holds 2019, 2020 and 2026 drafts; the journey takes the first year with nothing in it and a
        // self-scoring deadline still ahead (the pages check deadlines against the real clock).
        var year = Math.Max(2027, DateTime.UtcNow.Year + 1);
        var theme = $"Thi đua đổi mới, sáng tạo năm {year} (kiểm thử)";
        var sec = await fx.SignedInPageAsync(Secretariat);

        // 1. The secretariat creates the bloc's movement of the year and launches it to every member agency.
        await MainMenu.GoAsync(sec, "Phong trào");
        await sec.GetByRole(AriaRole.Link, new() { Name = "Thêm phong trào" }).ClickAsync();
        await sec.GetByLabel("Tên, chủ đề phong trào").FillAsync(theme);
        await sec.GetByLabel("Năm", new() { Exact = true }).FillAsync(year.ToString());
        await sec.GetByLabel("Nội dung", new() { Exact = true }).FillAsync("Đẩy mạnh cải cách hành chính, chuyển đổi số trong các cơ quan thành viên.");
        var targets = sec.GetByRole(AriaRole.Group, new() { Name = "Đơn vị được phát động" }).GetByRole(AriaRole.Checkbox);
        Assert.Equal(14, await targets.CountAsync());
        for (var i = 0; i < 14; i++) await targets.Nth(i).CheckAsync();
        await sec.GetByRole(AriaRole.Button, new() { Name = "Lưu", Exact = true }).ClickAsync();
        await Assertions.Expect(sec.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync(theme);
        await sec.GetByRole(AriaRole.Link, new() { Name = "Phát động", Exact = true }).ClickAsync();
        await Assertions.Expect(sec.Locator("#consequence")).ToContainTextAsync("14 đơn vị");
        await sec.GetByRole(AriaRole.Button, new() { Name = "Xác nhận" }).ClickAsync();
        await Assertions.Expect(sec.Locator("#state")).ToHaveTextAsync("Đã phát động");

        // 2. Ban Tổ chức TW sees it among the movements sent to the agency, registers for the year and submits.
        var btctw = await fx.SignedInPageAsync(Btctw);
        await MainMenu.GoAsync(btctw, "Phong trào");
        await btctw.GetByLabel("Năm", new() { Exact = true }).FillAsync(year.ToString());
        await btctw.GetByRole(AriaRole.Button, new() { Name = "Lọc" }).ClickAsync();
        await Expect(btctw.Locator(".mov-sent").GetByRole(AriaRole.Link, new() { Name = theme }));

        await MainMenu.GoAsync(btctw, "Đăng ký thi đua");
        await btctw.GetByLabel("Năm", new() { Exact = true }).FillAsync(year.ToString());
        await btctw.GetByRole(AriaRole.Button, new() { Name = "Xem", Exact = true }).ClickAsync();
        await btctw.GetByRole(AriaRole.Button, new() { Name = $"Đăng ký thi đua năm {year}" }).ClickAsync();
        var addAgency = btctw.Locator("#add-agency");
        await addAgency.GetByLabel("Danh hiệu, hình thức").SelectOptionAsync("CO_CP");
        await addAgency.GetByLabel("Ghi chú").FillAsync("Đơn vị dẫn đầu khối");
        await addAgency.GetByRole(AriaRole.Button, new() { Name = "Thêm" }).ClickAsync();
        await Expect(btctw.GetByRole(AriaRole.Cell, new() { Name = "Đơn vị dẫn đầu khối" }));
        await btctw.GetByRole(AriaRole.Button, new() { Name = "Nộp cho thường trực khối" }).ClickAsync();
        await Assertions.Expect(btctw.Locator("#state")).ToHaveTextAsync("Đã nộp");

        // … and the secretariat approves it.
        await MainMenu.GoAsync(sec, "Đăng ký thi đua");
        await sec.GetByLabel("Năm", new() { Exact = true }).FillAsync(year.ToString());
        await sec.GetByRole(AriaRole.Button, new() { Name = "Xem", Exact = true }).ClickAsync();
        await sec.Locator("#registrations tbody tr").Filter(new() { HasText = BtctwName }).GetByRole(AriaRole.Link, new() { Name = "Xem" }).ClickAsync();
        await sec.GetByRole(AriaRole.Button, new() { Name = "Duyệt", Exact = true }).ClickAsync();
        await Assertions.Expect(sec.Locator("#state")).ToHaveTextAsync("Đã duyệt");

        // 3. The secretariat drafts the year's scoring sheet (no sheet for year − 1 to copy), applies it, assigns cross-checks.
        await MainMenu.GoAsync(sec, "Chấm điểm khối");
        await sec.GetByLabel("Năm", new() { Exact = true }).FillAsync(year.ToString());
        await sec.GetByLabel("Tên bảng tiêu chí").FillAsync($"Bảng tiêu chí chấm điểm thi đua năm {year}");
        await sec.GetByLabel("Hạn tự chấm").FillAsync($"31/12/{year}");
        await sec.GetByRole(AriaRole.Button, new() { Name = "Tạo dự thảo" }).ClickAsync();
        await sec.GetByLabel("Tên nhóm").FillAsync("Thực hiện nhiệm vụ chính trị");
        await sec.GetByLabel("Loại").SelectOptionAsync("Regular");
        await sec.GetByLabel("Điểm tối đa").FillAsync("60");
        await sec.GetByRole(AriaRole.Button, new() { Name = "Thêm nhóm" }).ClickAsync();
        var group = sec.Locator("section.score-group");
        var addCriterion = group.Locator("form").Filter(new() { Has = sec.GetByRole(AriaRole.Button, new() { Name = "Thêm tiêu chí" }) });
        await addCriterion.GetByLabel("Thêm tiêu chí").FillAsync(Crit1);
        await addCriterion.GetByLabel("Điểm tối đa").FillAsync("40");
        await addCriterion.GetByLabel("bắt buộc minh chứng").CheckAsync();
        await addCriterion.GetByRole(AriaRole.Button, new() { Name = "Thêm tiêu chí" }).ClickAsync();
        await Expect(group.GetByRole(AriaRole.Cell, new() { Name = Crit1, Exact = true }));
        await addCriterion.GetByLabel("Thêm tiêu chí").FillAsync(Crit2);
        await addCriterion.GetByLabel("Điểm tối đa").FillAsync("20");
        await addCriterion.GetByRole(AriaRole.Button, new() { Name = "Thêm tiêu chí" }).ClickAsync();
        await Expect(group.GetByRole(AriaRole.Cell, new() { Name = Crit2, Exact = true }));
        await sec.GetByRole(AriaRole.Link, new() { Name = "Áp dụng…" }).ClickAsync();
        await Assertions.Expect(sec.Locator("#consequence")).ToContainTextAsync("14 đơn vị");
        await sec.GetByRole(AriaRole.Button, new() { Name = "Xác nhận áp dụng" }).ClickAsync();
        await Assertions.Expect(sec.Locator("#state")).ToContainTextAsync("Đã áp dụng");
        var sheetUrl = sec.Url;
        var sheetId = int.Parse(Regex.Match(sheetUrl, @"/Scoring/Sheet/(\d+)").Groups[1].Value);

        // The rotation (by unit code) gives Ban Tổ chức TW to Ban Tuyên giáo TW, which has no demo account, so the
        // secretariat then hands that one card to the Học viện by hand.
        await sec.GetByRole(AriaRole.Link, new() { Name = "Phân công kiểm tra chéo" }).ClickAsync();
        await sec.GetByRole(AriaRole.Button, new() { Name = "Phân công luân phiên tự động" }).ClickAsync();
        var reviewerOfBtctw = sec.GetByLabel($"Đơn vị kiểm tra chéo {BtctwName}", new() { Exact = true });
        await Assertions.Expect(reviewerOfBtctw.Locator("option:checked")).ToHaveTextAsync("Ban Tuyên giáo Trung ương");
        await reviewerOfBtctw.SelectOptionAsync(new SelectOptionValue { Label = HvctqgName });
        await sec.GetByRole(AriaRole.Button, new() { Name = "Lưu phân công" }).ClickAsync();
        await Assertions.Expect(sec.GetByLabel($"Đơn vị kiểm tra chéo {BtctwName}", new() { Exact = true }).Locator("option:checked")).ToHaveTextAsync(HvctqgName);

        // 4. Ban Tổ chức TW self-scores with evidence and submits.
        await MainMenu.GoAsync(btctw, "Chấm điểm khối");
        await btctw.GetByRole(AriaRole.Link, new() { Name = $"Bảng tiêu chí chấm điểm thi đua năm {year}" }).ClickAsync();
        await CardRow(btctw, BtctwName).GetByRole(AriaRole.Link, new() { Name = "Phiếu" }).ClickAsync();
        await btctw.GetByLabel($"Tự chấm {Crit1}", new() { Exact = true }).FillAsync("38");
        await btctw.GetByLabel($"Minh chứng {Crit1}", new() { Exact = true }).FillAsync("Báo cáo tổng kết công tác năm, số 12-BC/BTCTW.");
        await btctw.GetByLabel($"Tự chấm {Crit2}", new() { Exact = true }).FillAsync("18,5");
        await btctw.GetByRole(AriaRole.Button, new() { Name = "Lưu điểm tự chấm" }).ClickAsync();
        await Assertions.Expect(btctw.Locator("#history")).ToContainTextAsync("Tự chấm điểm");
        await btctw.GetByRole(AriaRole.Button, new() { Name = "Nộp phiếu tự chấm" }).ClickAsync();
        await Assertions.Expect(btctw.Locator("#card-state")).ToContainTextAsync("Đã nộp");

        // The Học viện cross-checks Ban Tổ chức TW's card and proposes a lower score with a comment.
        var hv = await fx.SignedInPageAsync(Hvctqg);
        await MainMenu.GoAsync(hv, "Chấm điểm khối");
        await hv.GetByRole(AriaRole.Link, new() { Name = $"Bảng tiêu chí chấm điểm thi đua năm {year}" }).ClickAsync();
        await CardRow(hv, BtctwName).GetByRole(AriaRole.Link, new() { Name = "Kiểm tra chéo" }).ClickAsync();
        await hv.GetByLabel($"Đề xuất {Crit1}", new() { Exact = true }).FillAsync("36");
        await hv.GetByLabel($"Nhận xét {Crit1}", new() { Exact = true }).FillAsync("Minh chứng chưa nêu kết quả chuyển đổi số; đề nghị trừ 2 điểm.");
        await hv.GetByRole(AriaRole.Button, new() { Name = "Lưu và gửi kết quả kiểm tra chéo" }).ClickAsync();
        await Assertions.Expect(hv.Locator("#card-state")).ToHaveTextAsync("Đã kiểm tra chéo");

        // The 13 other members' cards: settling each through the pages would take several minutes, so they are
        // scored, submitted and settled (as the self-score) through ScoringService — the class the pages call —
        // before the secretariat's own steps. Their totals (30–42) stay below Ban Tổ chức TW's.
        await SeedOtherCardsAsync(sheetId, BtctwName);

        // 5. The secretariat reconciles: the peer's proposal on one criterion, its own value with a reason on the other.
        await sec.GotoAsync(sheetUrl);
        await CardRow(sec, BtctwName).GetByRole(AriaRole.Link, new() { Name = "Thống nhất điểm" }).ClickAsync();
        var c1 = sec.GetByRole(AriaRole.Group, new() { Name = Crit1, Exact = true });
        await c1.GetByLabel("theo kiểm tra chéo").CheckAsync();
        var c2 = sec.GetByRole(AriaRole.Group, new() { Name = Crit2, Exact = true });
        await c2.GetByLabel("điểm khác:").CheckAsync();
        await c2.GetByLabel("Điểm quyết định").FillAsync("19");
        await c2.GetByLabel("Lý do (bắt buộc khi chọn điểm khác)").FillAsync("Hội nghị khối ghi nhận thêm kết quả công tác đoàn thể.");
        await sec.GetByRole(AriaRole.Button, new() { Name = "Lưu điểm thống nhất" }).ClickAsync();
        await Assertions.Expect(sec.Locator("#history")).ToContainTextAsync("Thống nhất điểm");
        await Assertions.Expect(sec.Locator("#reconcile")).ToContainTextAsync("thường trực khối quyết định");

        // … publishes the ranking, and the ranking page shows it with Ban Tổ chức TW first on 36 + 19 = 55.
        await sec.GetByRole(AriaRole.Link, new() { Name = $"Bảng tiêu chí chấm điểm thi đua năm {year}" }).ClickAsync();
        await Assertions.Expect(sec.Locator("#cards")).Not.ToContainTextAsync("Đang tự chấm");
        await sec.GetByRole(AriaRole.Link, new() { Name = "Xếp hạng", Exact = true }).ClickAsync();
        await sec.GetByRole(AriaRole.Button, new() { Name = "Công bố kết quả xếp hạng" }).ClickAsync();
        await Expect(sec.Locator("#published"));
        var first = sec.Locator("#ranking tbody tr").First;
        await Assertions.Expect(first.Locator("td").Nth(0)).ToHaveTextAsync("1");
        await Assertions.Expect(first.Locator("td").Nth(1)).ToHaveTextAsync(BtctwName);
        await Assertions.Expect(first.Locator("td").Nth(2)).ToHaveTextAsync(new Regex(@"^55(,0)?$"));
        await Assertions.Expect(sec.Locator("#ranking tbody tr")).ToHaveCountAsync(14);

        // 6. The conference's vote: CO_CP, 2 places, the ranking's first three as candidates, two delegates.
        await MainMenu.GoAsync(sec, "Bình bầu");
        await sec.GetByRole(AriaRole.Link, new() { Name = "Tạo phiên bỏ phiếu" }).ClickAsync();
        var title = $"Bỏ phiếu suy tôn Cờ thi đua của Chính phủ năm {year}";
        await sec.GetByLabel("Tên phiên bỏ phiếu").FillAsync(title);
        await sec.GetByLabel("Năm bình xét").FillAsync(year.ToString());
        await sec.GetByLabel("Ngày hội nghị").FillAsync($"15/01/{year + 1}");
        await sec.GetByLabel("Địa điểm").FillAsync("Hà Nội");
        await sec.GetByLabel("Ban kiểm phiếu (mỗi người một dòng, trưởng ban trước)").FillAsync("Nguyễn Văn Kiểm\nTrần Thị Phiếu");
        await sec.GetByRole(AriaRole.Button, new() { Name = "Lưu", Exact = true }).ClickAsync();
        await Assertions.Expect(sec.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync(title);

        await sec.GetByRole(AriaRole.Link, new() { Name = "Thêm hoặc sửa câu hỏi" }).ClickAsync();
        await sec.GetByLabel("Hình thức đề nghị").SelectOptionAsync("CO_CP");
        await sec.GetByLabel("Số suất").FillAsync("2");
        // A new question starts from the published ranking: Ban Tổ chức TW, first on 55 points, is number 1.
        await Assertions.Expect(sec.Locator("#from-ranking")).ToBeVisibleAsync();
        await Assertions.Expect(sec.GetByLabel($"Thứ tự của {BtctwName}", new() { Exact = true })).ToHaveValueAsync("1");
        // Three candidates only: clear the others the ranking put there.
        foreach (var box in await sec.Locator("input.vote-order").AllAsync()) await box.FillAsync("");
        await sec.GetByLabel($"Thứ tự của {BtctwName}", new() { Exact = true }).FillAsync("1");
        await sec.GetByLabel($"Thứ tự của {HvctqgName}", new() { Exact = true }).FillAsync("2");
        await sec.GetByLabel($"Thứ tự của {DukName}", new() { Exact = true }).FillAsync("3");
        await sec.GetByRole(AriaRole.Button, new() { Name = "Lưu câu hỏi" }).ClickAsync();
        await Expect(sec.Locator("#question-CO_CP"));

        foreach (var (unit, name) in new[] { (BtctwName, "Lê Văn An (đại biểu)"), (HvctqgName, "Phạm Thị Bình (đại biểu)") })
        {
            var add = sec.Locator("#add-delegate");
            await add.GetByLabel("Đơn vị", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = unit });
            await add.GetByLabel("Họ và tên đại biểu").FillAsync(name);
            await add.GetByLabel("Chức vụ").FillAsync("Chánh Văn phòng");
            await add.GetByRole(AriaRole.Button, new() { Name = "Thêm đại biểu" }).ClickAsync();
            await Expect(sec.Locator("#delegates").GetByRole(AriaRole.Cell, new() { Name = name }));
        }

        await sec.GetByRole(AriaRole.Link, new() { Name = "Mở bỏ phiếu…" }).ClickAsync();
        await sec.GetByRole(AriaRole.Button, new() { Name = "Xác nhận mở bỏ phiếu" }).ClickAsync();
        var tokens = sec.Locator("#slips .vote-token");
        await Assertions.Expect(tokens).ToHaveCountAsync(2);
        var codes = (await tokens.AllInnerTextsAsync()).Select(t => t.Trim()).ToList();

        // The delegates cast on /Votes/Cast in a browser with no sign-in: both for Ban Tổ chức TW, one also for the Học viện.
        var anonymous = await fx.Browser.NewContextAsync(new() { BaseURL = fx.BaseUrl, Locale = "vi-VN" });
        try
        {
            var ballot = await anonymous.NewPageAsync();
            ballot.SetDefaultTimeout(60_000);
            ballot.SetDefaultNavigationTimeout(60_000);
            for (var i = 0; i < codes.Count; i++)
            {
                await ballot.GotoAsync("/Votes/Cast");
                await ballot.GetByLabel("Mã phiếu").FillAsync(codes[i]);
                await ballot.GetByRole(AriaRole.Button, new() { Name = "Mở phiếu" }).ClickAsync();
                await ballot.GetByRole(AriaRole.Checkbox, new() { Name = BtctwName }).CheckAsync();
                if (i == 0) await ballot.GetByRole(AriaRole.Checkbox, new() { Name = HvctqgName }).CheckAsync();
                await ballot.GetByRole(AriaRole.Button, new() { Name = "Gửi phiếu" }).ClickAsync();
                await Expect(ballot.Locator("#cast-done"));
            }
        }
        finally
        {
            await anonymous.CloseAsync();
        }

        // The secretariat closes the vote (confirm page).
        await sec.GetByRole(AriaRole.Link, new() { Name = "Về trang phiên bỏ phiếu" }).ClickAsync();
        await Assertions.Expect(sec.Locator("#turnout")).ToContainTextAsync("2/2");
        await sec.GetByRole(AriaRole.Link, new() { Name = "Kết thúc bỏ phiếu…" }).ClickAsync();
        await sec.GetByRole(AriaRole.Button, new() { Name = "Xác nhận kết thúc và kiểm phiếu" }).ClickAsync();

        // 7. The tally: 2 issued, 2 cast, 2 valid; BTCTW 2 votes (elected), the Học viện 1, ĐUK 0.
        var tally = sec.Locator("#tally");
        await Assertions.Expect(tally.Locator("dt:has-text('Số phiếu phát ra') + dd")).ToHaveTextAsync("2");
        await Assertions.Expect(tally.Locator("dt:has-text('Số phiếu thu vào') + dd")).ToHaveTextAsync("2");
        await Assertions.Expect(tally.Locator("dt:has-text('Phiếu hỏng') + dd")).ToHaveTextAsync("0");
        var question = sec.Locator("#question-CO_CP");
        await Assertions.Expect(question).ToContainTextAsync("Phiếu hợp lệ: 2; không hợp lệ: 0.");
        async Task Votes(string unit, string votes, string result)
        {
            var row = question.Locator("tbody tr").Filter(new() { Has = sec.GetByRole(AriaRole.Cell, new() { Name = unit, Exact = true }) });
            await Assertions.Expect(row.Locator("td").Nth(2)).ToHaveTextAsync(votes);
            await Assertions.Expect(row.Locator("td").Nth(5)).ToHaveTextAsync(result);
        }
        await Votes(BtctwName, "2", "Trúng");
        await Votes(HvctqgName, "1", "Không trúng");
        await Votes(DukName, "0", "Không trúng");
        await Assertions.Expect(sec.Locator("#proposals")).ToContainTextAsync(BtctwName);

        // The minutes download as a valid .docx holding "BIÊN BẢN".
        var download = await sec.RunAndWaitForDownloadAsync(() => sec.GetByRole(AriaRole.Link, new() { Name = "Tải biên bản kiểm phiếu (.docx)" }).ClickAsync());
        Assert.EndsWith(".docx", download.SuggestedFilename);
        var file = Path.Combine(Path.GetTempPath(), $"bien-ban-{Guid.NewGuid():N}.docx");
        await download.SaveAsAsync(file);
        try
        {
            var bytes = await File.ReadAllBytesAsync(file);
            Assert.True(bytes.Length > 4 && bytes[0] == (byte)'P' && bytes[1] == (byte)'K', "the minutes are not a zip package");
            using var doc = WordprocessingDocument.Open(file, false);
            var errors = new OpenXmlValidator().Validate(doc).Select(e => $"{e.Path?.XPath}: {e.Description}").ToList();
            Assert.Empty(errors);
            Assert.Contains("BIÊN BẢN", doc.MainDocumentPart!.Document!.Body!.InnerText);
        }
        finally
        {
            File.Delete(file);
        }
    }

    /// <summary>Every other member's card: self-scored and submitted as its officer, settled as the self-score by the secretariat.</summary>
    private async Task SeedOtherCardsAsync(int sheetId, string exceptUnitName)
    {
        List<(int CardId, int UnitId)> cards;
        using (var scope = fx.App.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            cards = (await db.ScoreCards.AsNoTracking().Where(c => c.SheetId == sheetId && c.Unit!.Name != exceptUnitName)
                .OrderBy(c => c.Unit!.Code).Select(c => new { c.Id, c.UnitId }).ToListAsync()).Select(c => (c.Id, c.UnitId)).ToList();
        }
        Assert.Equal(13, cards.Count);
        var n = 0;
        foreach (var (cardId, unitId) in cards)
        {
            var officer = ScoringActor.OfficerOf($"seed.{unitId}@thidua.vn", unitId);
            var inputs = await Step(async (s, db) =>
            {
                var ids = await db.ScoreEntries.Where(e => e.CardId == cardId).OrderBy(e => e.CriterionId).Select(e => e.CriterionId).ToListAsync();
                Assert.Equal(2, ids.Count);
                var o = await s.SaveSelfAsync(officer, cardId, await Version(db, cardId),
                    [new SelfInput(ids[0], (20 + n).ToString(), "Báo cáo tổng kết năm"), new SelfInput(ids[1], "10", null)], null, default);
                Assert.True(o.Ok, string.Join("; ", o.Errors));
                return ids;
            });
            await Step(async (s, db) => { var o = await s.SubmitAsync(officer, cardId, await Version(db, cardId), default); Assert.True(o.Ok, string.Join("; ", o.Errors)); return 0; });
            await Step(async (s, db) =>
            {
                var o = await s.ReconcileAsync(ScoringActor.Secretary(Secretariat), cardId, await Version(db, cardId),
                    [.. inputs.Select(id => new ReconcileInput(id, FinalSource.Self, null, null))], default);
                Assert.True(o.Ok, string.Join("; ", o.Errors));
                return 0;
            });
            n++;
        }
    }

    private static Task<int> Version(AppDbContext db, int cardId) => db.ScoreCards.Where(c => c.Id == cardId).Select(c => c.Version).SingleAsync();

    private async Task<T> Step<T>(Func<ScoringService, AppDbContext, Task<T>> step)
    {
        using var scope = fx.App.Services.CreateScope();
        return await step(scope.ServiceProvider.GetRequiredService<ScoringService>(), scope.ServiceProvider.GetRequiredService<AppDbContext>());
    }
}
