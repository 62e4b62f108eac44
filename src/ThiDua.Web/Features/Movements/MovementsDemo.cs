using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ThiDua.DemoData;
using ThiDua.Infrastructure;

namespace ThiDua.Features.Movements;

/// <summary>The demo year 2019 for this feature, through the same code the pages call (see <see cref="BlocYearDemoContext"/>).</summary>
/// <remarks>
/// Acting as the bloc secretariat: the three directives (each with a small generated PDF), the bloc's regular
/// movement of 2019 (launched in February 2019, ended at the summary conference of 4 March 2020), the 2019 contest on
/// office culture with two rounds, the three national movements with each agency's 2019 row (filled as that
/// agency's officer), and a 2020 draft copied from 2019. Texts are the demo's own words.
/// </remarks>
public static class MovementsDemo
{
    public const string Theme2019 = "Đoàn kết, sáng tạo, thi đua xây dựng bảo vệ Tổ quốc, thực hiện thắng lợi Nghị quyết Đại hội XII của Đảng";
    public const string Contest2019 = "Cán bộ, công chức, viên chức các cơ quan Đảng Trung ương thi đua thực hiện văn hóa công sở";

    public static readonly (string Number, DateOnly IssuedOn, string Issuer, string Title)[] Directives =
    [
        ("34-CT/TW", new(2014, 4, 7), "Ban Bí thư", "Về tiếp tục đổi mới công tác thi đua, khen thưởng"),
        ("05-CT/TW", new(2016, 5, 15), "Bộ Chính trị", "Về đẩy mạnh học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh"),
        ("22-CT/TW", new(2018, 1, 23), "Ban Bí thư", "Về đẩy mạnh các phong trào thi đua yêu nước"),
    ];

    public static readonly string[] NationalMovements =
    [
        "Cả nước chung sức xây dựng nông thôn mới",
        "Cả nước chung tay vì người nghèo – Không để ai bị bỏ lại phía sau",
        "Doanh nghiệp Việt Nam hội nhập và phát triển",
    ];

    private static DateTime Vn(int y, int m, int d, int h = 9) => new DateTime(y, m, d, h, 0, 0, DateTimeKind.Utc).AddHours(-7);

    public static async Task SeedAsync(BlocYearDemoContext ctx, CancellationToken ct)
    {
        var db = ctx.Db;
        var service = new MovementService(db, ctx.Services.GetService<TimeProvider>() ?? TimeProvider.System);
        var files = ctx.Services.GetRequiredService<DocumentFiles>();
        var secretariat = await MovementActor.ForAsync(db, ctx.Secretariat, secretariat: true, officer: true, ctx.Agencies["BDVTW"], ct);

        // 1. The directives library.
        var directiveIds = new List<int>();
        foreach (var d in Directives)
        {
            var pdf = MinimalPdf.Create([
                $"Chỉ thị số {d.Number}", $"ngày {VnFormat.Date(d.IssuedOn)} của {d.Issuer}", "", d.Title, "",
                "Bản minh họa của dữ liệu mẫu ThiDua, không phải văn bản gốc.", "Tra cứu văn bản gốc tại cơ quan ban hành.",
            ]);
            var doc = await files.SaveGeneratedAsync(pdf, $"chi-thi-{d.Number.Replace('/', '-')}.pdf", ct);
            var outcome = await service.SaveDirectiveAsync(null, new DirectiveInput { Number = d.Number, IssuedOn = d.IssuedOn, Issuer = d.Issuer, Title = d.Title }, doc, secretariat, ct);
            directiveIds.Add(Check(outcome));
        }

        // 2. The bloc's regular movement of 2019, to all 14 members.
        var all = ctx.Agencies.Values.ToList();
        var input = new MovementInput
        {
            Year = 2019, Kind = MovementKind.Regular, Theme = Theme2019,
            Content = "Các cơ quan thành viên tổ chức thi đua thường xuyên gắn với nhiệm vụ chính trị được giao: tham mưu có chất lượng cho Bộ Chính trị, Ban Bí thư; "
                + "đẩy mạnh học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh; xây dựng cơ quan trong sạch, vững mạnh; "
                + "phát hiện, bồi dưỡng, tổng kết và nhân rộng điển hình tiên tiến. (Nội dung minh họa.)",
            Criteria = "1. Hoàn thành xuất sắc nhiệm vụ chính trị năm 2019. 2. Tổ chức đảng, đoàn thể đạt vững mạnh; không có cán bộ vi phạm kỷ luật. "
                + "3. Thực hiện tốt quy chế văn hóa công sở, cải cách hành chính, ứng dụng công nghệ thông tin. 4. Có mô hình, điển hình tiên tiến được nhân rộng. "
                + "5. Gửi báo cáo tổng kết về Thường trực khối trước ngày 15/12/2019. (Tiêu chí minh họa.)",
            StartDate = new DateOnly(2019, 1, 1), EndDate = new DateOnly(2019, 12, 15),
            Scope = MovementScope.SectorOrLocality, Duration = MovementDuration.Regular, Method = MovementMethod.NewLaunch, Funding = MovementFunding.EmulationFund,
            DirectiveIds = directiveIds, TargetUnitIds = all,
        };
        var movementId = Check(await service.SaveMovementAsync(null, input, secretariat, ct, Vn(2019, 2, 18)));
        ctx.Movement2019Id = movementId;
        await LaunchAsync(service, db, movementId, secretariat, Vn(2019, 2, 20), ct);

        // 3. The 2019 contest on office culture, inside the movement: people from several agencies, two rounds.
        var contestId = Check(await service.SaveContestAsync(null, movementId, new ContestInput
        {
            Name = Contest2019, ParticipantKind = ParticipantKind.People,
            Description = "Hội thi tìm hiểu và thực hành quy chế văn hóa công sở dành cho cán bộ, công chức, viên chức các cơ quan thành viên khối. Vòng sơ khảo thi viết tại cơ quan; vòng chung kết thi trực tiếp tại Hà Nội. (Mô tả minh họa.)",
        }, secretariat, ct));
        var entrants = new List<string>();
        foreach (var code in new[] { "BTCTW", "HVCTQG", "DUKCQTW", "BDVTW", "VPTW", "BTGTW" })
        {
            var sub = (await UnitScopeService.SubtreeAsync(db, ctx.Agencies[code], ct)).ToList();
            entrants.AddRange(await db.People.AsNoTracking().Where(p => p.IsActive && p.CurrentUnitId != null && sub.Contains(p.CurrentUnitId.Value))
                .OrderBy(p => p.Id).Select(p => p.PersonalCode).Take(2).ToListAsync(ct));
        }
        foreach (var code in entrants) Check(await service.AddParticipantAsync(contestId, code, null, secretariat, ct));
        Check(await service.AddRoundAsync(contestId, 1, "Vòng sơ khảo", new DateOnly(2019, 8, 16), secretariat, ct));
        Check(await service.AddRoundAsync(contestId, 2, "Vòng chung kết", new DateOnly(2019, 10, 25), secretariat, ct));
        var rounds = await db.ContestRounds.AsNoTracking().Where(r => r.ContestId == contestId).OrderBy(r => r.Order).Select(r => r.Id).ToListAsync(ct);
        var participants = await db.ContestParticipants.AsNoTracking().Where(p => p.ContestId == contestId).OrderBy(p => p.Id).Select(p => p.Id).ToListAsync(ct);
        // Scores spread by a fixed rule so the demo is the same on every run.
        var first = participants.Select((p, i) => (Id: p, Score: 70m + (i * 37 % 29))).OrderByDescending(x => x.Score).ThenBy(x => x.Id).ToList();
        Check(await service.SaveResultsAsync(rounds[0], first.Select((x, i) => new ResultInput(x.Id, x.Score, i + 1, i < 6 ? "Vào chung kết" : null)).ToList(), secretariat, ct));
        var prizes = new[] { "Giải Nhất", "Giải Nhì", "Giải Nhì", "Giải Ba", "Giải Ba", "Giải Ba" };
        var finalists = first.Take(6).Select((x, i) => (x.Id, Score: 95m - i * 2.5m - (x.Score % 3) / 10m)).OrderByDescending(x => x.Score).ToList();
        Check(await service.SaveResultsAsync(rounds[1], finalists.Select((x, i) => new ResultInput(x.Id, x.Score, i + 1, prizes[i])).ToList(), secretariat, ct));

        // 4. The national movements the bloc responds to, with every agency's 2019 row filled by its officer.
        var amounts = new long[] { 0, 250_000_000, 0 };
        for (var n = 0; n < NationalMovements.Length; n++)
        {
            var id = Check(await service.SaveMovementAsync(null, new MovementInput
            {
                Year = 2019, Kind = MovementKind.Regular, Theme = NationalMovements[n], IsNational = true, NationalAuthority = "Thủ tướng Chính phủ",
                Content = "Phong trào thi đua toàn quốc do Thủ tướng Chính phủ phát động; khối và các cơ quan thành viên hưởng ứng, báo cáo kết quả hằng năm. (Nội dung minh họa.)",
                Scope = MovementScope.National, Duration = MovementDuration.OverFiveYears, Method = MovementMethod.Response, Funding = MovementFunding.StateBudget,
                DirectiveIds = [directiveIds[2]],
            }, secretariat, ct, Vn(2019, 1, 10)));
            await LaunchAsync(service, db, id, secretariat, Vn(2019, 1, 15), ct);
            var i = 0;
            foreach (var (code, unitId) in ctx.Agencies)
            {
                var officer = await MovementActor.ForAsync(db, ctx.OfficerOf(code), secretariat: false, officer: true, unitId, ct);
                var taking = n != 2 || code is "BND" or "TCCS" or "NXBCTQG" or "BKTTW";
                var row = new ParticipationInput
                {
                    Participating = taking,
                    Activities = !taking ? null : n switch
                    {
                        0 => "Tuyên truyền, vận động cán bộ ủng hộ xã kết nghĩa xây dựng nông thôn mới; cử đoàn công tác khảo sát. (Minh họa.)",
                        1 => "Cán bộ, công chức đóng góp ngày lương ủng hộ Quỹ Vì người nghèo; hỗ trợ hộ nghèo ở địa bàn kết nghĩa. (Minh họa.)",
                        _ => "Tuyên truyền về doanh nghiệp tiêu biểu hội nhập quốc tế trên ấn phẩm của cơ quan. (Minh họa.)",
                    },
                    Result = !taking ? "Không thuộc đối tượng trực tiếp của phong trào." : n switch
                    {
                        0 => "Hoàn thành kế hoạch hỗ trợ năm 2019.",
                        1 => "Hoàn thành chỉ tiêu vận động năm 2019.",
                        _ => "Đăng tải các bài viết chuyên đề trong năm.",
                    },
                    AmountVnd = taking && amounts[n] > 0 ? amounts[n] / 10 * (1 + i % 5) : null,
                };
                Check(await service.SaveParticipationAsync(id, unitId, 2019, row, officer, ct, Vn(2019, 12, 10 + i % 5)));
                i++;
            }
        }

        // 5. Ended at the summary conference (4 March 2020), then copied as the 2020 draft.
        var version = await db.Movements.Where(m => m.Id == movementId).Select(m => m.Version).SingleAsync(ct);
        Check(await service.EndAsync(movementId, version, secretariat, ct, Vn(2020, 3, 4, 11)));
        Check(await service.CloneAsync(movementId, secretariat, ct, Vn(2020, 3, 5, 15)));
        db.ChangeTracker.Clear();
    }

    private static async Task LaunchAsync(MovementService service, Data.AppDbContext db, int id, MovementActor actor, DateTime at, CancellationToken ct)
    {
        var version = await db.Movements.Where(m => m.Id == id).Select(m => m.Version).SingleAsync(ct);
        Check(await service.LaunchAsync(id, version, actor, ct, at));
    }

    private static int Check(MovementOutcome outcome) =>
        outcome.Ok ? outcome.Id : throw new InvalidOperationException("Demo 2019 (phong trào): " + outcome.Error);
}
