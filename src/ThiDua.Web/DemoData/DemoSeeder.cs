using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using ThiDua.Data;
using ThiDua.Features.Accounts;
using ThiDua.Features.Awards;
using ThiDua.Features.Blocs;
using ThiDua.Features.Eligibility;
using ThiDua.Features.People;
using ThiDua.Features.Units;

namespace ThiDua.DemoData;

/// <summary>
/// The demo: the Emulation Bloc of Central Party Agencies as the seed page describes it (14 agencies,
/// more than 5,500 staff, the 2019 outcomes), with generated people and histories 2010–2025. Fixed random
/// seed: the same data on every machine, so tests can rely on it. Seeds once (skips a non-empty database).
/// </summary>
public sealed class DemoSeeder(AppDbContext db, UserManager<AppUser> users, RoleManager<IdentityRole> roles, IServiceProvider services, ILogger<DemoSeeder> log)
{
    public const string Password = "Demo@12345";
    public const int Seed = 2019;
    public const string BlocCode = "KHOI-CQD-TW";

    /// <summary>Agencies: code, name, short name, staff, named in the seed page (true) or invented (false).</summary>
    internal static readonly (string Code, string Name, string Short, int Staff, bool Named)[] Agencies =
    [
        ("BTCTW", "Ban Tổ chức Trung ương", "BTCTW", 480, true),
        ("HVCTQG", "Học viện Chính trị quốc gia Hồ Chí Minh", "Học viện CTQG HCM", 1150, true),
        ("DUKCQTW", "Đảng ủy Khối các cơ quan Trung ương", "ĐUK CCQ TW", 260, true),
        ("BDVTW", "Ban Dân vận Trung ương", "BDVTW", 180, true),
        ("VPTW", "Văn phòng Trung ương Đảng", "VPTW", 820, false),
        ("UBKTTW", "Ủy ban Kiểm tra Trung ương", "UBKTTW", 430, false),
        ("BTGTW", "Ban Tuyên giáo Trung ương", "BTGTW", 300, false),
        ("BDNTW", "Ban Đối ngoại Trung ương", "BĐNTW", 210, false),
        ("BKTTW", "Ban Kinh tế Trung ương", "BKTTW", 190, false),
        ("BNCTW", "Ban Nội chính Trung ương", "BNCTW", 200, false),
        ("BND", "Báo Nhân Dân", "Báo Nhân Dân", 650, false),
        ("TCCS", "Tạp chí Cộng sản", "TCCS", 280, false),
        ("HDLLTW", "Hội đồng Lý luận Trung ương", "HĐLLTW", 120, false),
        ("NXBCTQG", "Nhà xuất bản Chính trị quốc gia Sự thật", "NXB CTQG", 250, false),
    ];

    private static readonly string[] DepartmentNames =
    [
        "Văn phòng", "Vụ Tổ chức – Cán bộ", "Vụ Tổng hợp", "Vụ Kế hoạch – Tài chính", "Vụ Địa phương I",
        "Vụ Địa phương II", "Vụ Nghiên cứu", "Vụ Pháp chế", "Trung tâm Thông tin", "Vụ Hợp tác quốc tế",
        "Vụ Thi đua – Khen thưởng", "Vụ Cơ sở Đảng", "Vụ Đảng viên", "Trung tâm Lưu trữ",
    ];

    private static readonly string[] SubUnitNames = ["Phòng Hành chính", "Phòng Quản trị", "Phòng Tổng hợp", "Phòng Nghiệp vụ"];

    private static readonly (string Name, int Weight)[] FamilyNames =
    [
        ("Nguyễn", 380), ("Trần", 110), ("Lê", 95), ("Phạm", 70), ("Hoàng", 35), ("Huỳnh", 15), ("Phan", 45),
        ("Vũ", 30), ("Võ", 10), ("Đặng", 21), ("Bùi", 20), ("Đỗ", 14), ("Hồ", 13), ("Ngô", 13), ("Dương", 10),
        ("Lý", 5), ("Đinh", 8), ("Đoàn", 6), ("Lương", 5), ("Trịnh", 6), ("Mai", 4), ("Tạ", 3), ("Đào", 5),
        ("Quách", 2), ("Lò", 1), ("Điểu", 1),
    ];

    private static readonly string[] MaleMiddle = ["Văn", "Đức", "Minh", "Quang", "Hữu", "Thanh", "Xuân", "Tiến", "Ngọc", "Công", "Mạnh", "Đình", "Trọng", ""];
    private static readonly string[] FemaleMiddle = ["Thị", "Thu", "Ngọc", "Thanh", "Minh", "Phương", "Thị Thu", "Hồng", "Kim", "Thùy", "Bích", "Diệu", ""];
    private static readonly string[] MaleGiven = ["Anh", "Bình", "Cường", "Dũng", "Đức", "Đạt", "Hải", "Hiếu", "Hùng", "Huy", "Khánh", "Long", "Minh", "Nam", "Phong", "Quân", "Sơn", "Thắng", "Trung", "Tuấn", "Việt", "Vinh", "Lộc", "Kiên", "Tú", "Hưng", "Thành", "Toàn", "Ước", "Ẩn"];
    private static readonly string[] FemaleGiven = ["Anh", "Chi", "Dung", "Giang", "Hà", "Hằng", "Hạnh", "Hoa", "Hương", "Lan", "Linh", "Mai", "Ngọc", "Nhung", "Phương", "Quỳnh", "Thảo", "Trang", "Uyên", "Yến", "Ánh", "Ngân", "Thủy", "Vân", "Ly", "Đào", "Ơn"];
    private static readonly string[] Positions = ["Chuyên viên", "Chuyên viên", "Chuyên viên", "Chuyên viên chính", "Chuyên viên cao cấp", "Phó Trưởng phòng", "Trưởng phòng", "Phó Vụ trưởng", "Vụ trưởng", "Nhân viên"];

    public async Task<bool> SeedAsync(CancellationToken ct = default)
    {
        var started = System.Diagnostics.Stopwatch.StartNew();
        var rng = new Random(Seed);
        // Draws for the award periods and bases (eligibility v2) come from their own generator, so the people
        // and histories drawn from rng stay exactly as they were before those fields existed.
        var awardRng = new Random(Seed + 2);
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        // The check is inside the transaction: on SQLite it is an immediate one (the writer's lock), so an instance
        // starting at the same moment waits and then finds the data; on PostgreSQL the start-up lock orders them.
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        if (await db.Units.AnyAsync(ct)) return false;

        // Units: agencies, departments, sub-units, and the collectives that are not departments.
        var agencies = new Dictionary<string, Unit>();
        var workUnits = new Dictionary<string, List<Unit>>();
        foreach (var a in Agencies)
        {
            var agency = NewUnit(a.Name, a.Short, a.Code, UnitKind.Agency, null, !a.Named);
            agencies[a.Code] = agency;
            db.Units.Add(agency);
        }
        await db.SaveChangesAsync(ct);
        foreach (var a in Agencies)
        {
            var agency = agencies[a.Code];
            var list = new List<Unit>();
            var departments = DepartmentNames.OrderBy(_ => rng.Next()).Take(5 + Math.Min(4, a.Staff / 200)).ToList();
            if (!departments.Contains("Văn phòng")) departments[0] = "Văn phòng";
            var n = 0;
            foreach (var name in departments)
            {
                n++;
                var kind = name.StartsWith("Văn phòng", StringComparison.Ordinal) || name.StartsWith("Trung tâm", StringComparison.Ordinal) ? UnitKind.Office : UnitKind.Department;
                var dept = NewUnit(name, null, $"{a.Code}-D{n:00}", kind, agency.Id, !a.Named);
                db.Units.Add(dept);
                list.Add(dept);
            }
            await db.SaveChangesAsync(ct);
            foreach (var dept in list.ToList())
            {
                if (dept.Kind != UnitKind.Office || a.Staff < 250) continue;
                var k = 0;
                foreach (var sub in SubUnitNames.Take(2 + rng.Next(2)))
                {
                    k++;
                    var s = NewUnit(sub, null, $"{dept.Code}-P{k}", UnitKind.SubUnit, dept.Id, !a.Named);
                    db.Units.Add(s);
                    list.Add(s);
                }
            }
            db.Units.Add(NewUnit($"Đoàn Thanh niên cơ quan {a.Name}", $"Đoàn TN {a.Short}", $"{a.Code}-DTN", UnitKind.Collective, agency.Id, !a.Named));
            db.Units.Add(NewUnit($"Công đoàn cơ quan {a.Name}", $"Công đoàn {a.Short}", $"{a.Code}-CD", UnitKind.Collective, agency.Id, !a.Named));
            await db.SaveChangesAsync(ct);
            workUnits[a.Code] = list;
        }

        // The bloc, its members, and the yearly leader and deputies (rotating at each summary conference).
        var bloc = new EmulationBloc
        {
            Name = "Khối thi đua các cơ quan Đảng Trung ương",
            ShortName = "Khối các cơ quan Đảng TW",
            Code = BlocCode,
            Description = "Khối thi đua do Hội đồng Thi đua – Khen thưởng Trung ương tổ chức, gồm 14 cơ quan Đảng ở Trung ương với hơn 5.500 cán bộ, công chức, viên chức và người lao động. Mười cơ quan không được nêu tên trong bài báo nguồn là dữ liệu minh họa.",
        };
        db.Blocs.Add(bloc);
        await db.SaveChangesAsync(ct);
        foreach (var a in Agencies) db.BlocMemberships.Add(new BlocMembership { BlocId = bloc.Id, UnitId = agencies[a.Code].Id, FromYear = 2010 });
        var order = Agencies.Select(a => a.Code).ToArray();
        for (var year = 2015; year <= 2026; year++)
        {
            // REVIEW: the seed page does not say which agency led the bloc in 2019; the rotation is demo data.
            var leader = order[(year - 2015 + 3) % order.Length];
            db.BlocLeaderships.Add(new BlocLeadership { BlocId = bloc.Id, Year = year, UnitId = agencies[leader].Id, Role = BlocRole.Leader });
            db.BlocLeaderships.Add(new BlocLeadership { BlocId = bloc.Id, Year = year, UnitId = agencies[order[(year - 2015 + 4) % order.Length]].Id, Role = BlocRole.Deputy });
            db.BlocLeaderships.Add(new BlocLeadership { BlocId = bloc.Id, Year = year, UnitId = agencies[order[(year - 2015 + 5) % order.Length]].Id, Role = BlocRole.Deputy });
        }
        await db.SaveChangesAsync(ct);

        // People with their histories.
        var serial = 0;
        var firstPersonOf = new Dictionary<string, Person>();
        var peopleByAgency = new Dictionary<string, List<Person>>();
        foreach (var a in Agencies)
        {
            var staff = new List<Person>();
            for (var i = 0; i < a.Staff; i++)
            {
                var p = NewPerson(rng, ++serial, workUnits[a.Code], agencies[a.Code]);
                staff.Add(p);
                db.People.Add(p);
            }
            await db.SaveChangesAsync(ct);
            var history = new History();
            foreach (var p in staff)
            {
                var from = history.Awards.Count;
                AddHistory(rng, p, a.Code, history);
                StatePeriodsAndBases(awardRng, history.Awards, from, a.Code);
            }
            await BulkInsert.InsertAsync(db, history.Ratings, ct);
            await BulkInsert.InsertAsync(db, history.Discipline, ct);
            await BulkInsert.InsertAsync(db, history.Initiatives, ct);
            await BulkInsert.InsertAsync(db, history.Awards, ct);
            db.ChangeTracker.Clear();
            peopleByAgency[a.Code] = staff;
            firstPersonOf[a.Code] = staff[0];
        }

        // Each department's and collective's own yearly result (xếp loại tập thể), 2018–2025.
        var yearRecords = new List<UnitYearRecord>();
        foreach (var unit in workUnits.Values.SelectMany(l => l).Where(u => u.Kind != UnitKind.SubUnit))
        {
            for (var year = 2018; year <= 2025; year++)
                yearRecords.Add(new UnitYearRecord { UnitId = unit.Id, Year = year, Rating = rng.Next(3) == 0 ? Rating.HTXSNV : Rating.HTTNV, United = rng.Next(30) != 0 });
        }
        await BulkInsert.InsertAsync(db, yearRecords, ct);

        // 2019 outcomes of the bloc's summary conference (4 March 2020): the CO_CP proposals come from the
        // conference's vote (Features/Votes/VotesDemo.cs), the bloc leader's Bằng khen from dossiers through the
        // council to the decision (Features/Nominations, Councils, Decisions demo steps, run by BlocYear2019 below).
        // Only the subjects are chosen here, where the random stream has always chosen them.
        var youthUnion = await db.Units.SingleAsync(u => u.Code == "BTCTW-DTN", ct);
        var bkCollectives = new List<int> { youthUnion.Id };
        bkCollectives.AddRange(workUnits.Values.SelectMany(l => l).Where(u => u.Kind != UnitKind.SubUnit).OrderBy(_ => rng.Next()).Take(12).Select(u => u.Id));
        var bkIndividuals = peopleByAgency.Values.SelectMany(l => l).Where(p => p.HiredOn < new DateOnly(2018, 1, 1)).OrderBy(_ => rng.Next()).Take(35).Select(p => p.Id).ToList();
        // A collective under inspection now, and one whose inspection ended: its verdicts are deferred while one is open.
        var inspected = await db.Units.SingleAsync(u => u.Code == "BTCTW-CD", ct);
        db.UnitReviews.Add(new UnitReviewPeriod
        {
            UnitId = inspected.Id, From = new DateOnly(2025, 10, 1),
            Reason = "Thanh tra việc quản lý, sử dụng kinh phí công đoàn (dữ liệu minh họa)", DecisionNumber = "45-QĐ/TTr (số minh họa)",
        });
        db.UnitReviews.Add(new UnitReviewPeriod
        {
            UnitId = inspected.Id, From = new DateOnly(2021, 3, 1), To = new DateOnly(2021, 6, 30),
            Reason = "Kiểm tra công tác tài chính năm 2020 (dữ liệu minh họa)", DecisionNumber = "12-QĐ/KT (số minh họa)",
        });
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        db.ChangeTracker.AutoDetectChangesEnabled = true;

        await SeedAccountsAsync(agencies, firstPersonOf);
        await BlocYear2019.SeedAsync(db, services, bkCollectives, bkIndividuals, ct);
        log.LogInformation("Demo data seeded: {Units} units, {People} people in {Seconds:F1} s", await db.Units.CountAsync(ct), serial, started.Elapsed.TotalSeconds);
        return true;
    }

    private static Unit NewUnit(string name, string? shortName, string code, UnitKind kind, int? parentId, bool demo)
    {
        var u = new Unit { Name = name, ShortName = shortName, Code = code, Kind = kind, ParentId = parentId, IsDemo = demo, ActiveFrom = new DateOnly(2010, 1, 1) };
        u.Normalize();
        return u;
    }

    private static T Pick<T>(Random rng, IReadOnlyList<T> items) => items[rng.Next(items.Count)];

    private static string PickWeighted(Random rng, (string Name, int Weight)[] items)
    {
        var total = items.Sum(i => i.Weight);
        var x = rng.Next(total);
        foreach (var (name, weight) in items)
        {
            if ((x -= weight) < 0) return name;
        }
        return items[^1].Name;
    }

    private static Person NewPerson(Random rng, int serial, List<Unit> units, Unit agency)
    {
        var female = rng.Next(100) < 48;
        var birth = new DateOnly(1962 + rng.Next(38), 1 + rng.Next(12), 1 + rng.Next(28));
        var earliestHire = birth.AddYears(22);
        var hireYear = Math.Min(2025, earliestHire.Year + rng.Next(Math.Max(1, 2026 - earliestHire.Year)));
        var hired = new DateOnly(hireYear, 1 + rng.Next(12), 1 + rng.Next(28));
        var middle = female ? Pick(rng, FemaleMiddle) : Pick(rng, MaleMiddle);
        var p = new Person
        {
            PersonalCode = $"001{(female ? (birth.Year >= 2000 ? 3 : 1) : (birth.Year >= 2000 ? 2 : 0))}{birth.Year % 100:00}{serial:000000}",
            FamilyName = PickWeighted(rng, FamilyNames),
            MiddleName = middle.Length == 0 ? null : middle,
            GivenName = female ? Pick(rng, FemaleGiven) : Pick(rng, MaleGiven),
            Gender = female ? Gender.Female : Gender.Male,
            BirthDate = birth,
            Position = Pick(rng, Positions),
            HiredOn = hired,
            PendingReview = rng.Next(400) == 0,
        };
        p.Normalize();
        var unit = units.Count > 0 ? Pick(rng, units) : agency;
        if (rng.Next(10) == 0 && units.Count > 1 && hired.Year < 2022)
        {
            // Moved between departments: the earlier membership is closed, the current one is open.
            var earlier = units.First(u => u.Id != unit.Id);
            var moved = new DateOnly(rng.Next(hired.Year + 1, 2025), 1 + rng.Next(12), 1);
            p.Memberships.Add(new UnitMembership { UnitId = earlier.Id, From = hired, To = moved.AddDays(-1), Position = "Chuyên viên" });
            p.Memberships.Add(new UnitMembership { UnitId = unit.Id, From = moved, Position = p.Position });
        }
        else p.Memberships.Add(new UnitMembership { UnitId = unit.Id, From = hired, Position = p.Position });
        p.CurrentUnitId = unit.Id;
        return p;
    }

    /// <summary>One agency's generated history, inserted in bulk (about 150.000 rows in all).</summary>
    private sealed class History
    {
        public readonly List<YearRating> Ratings = [];
        public readonly List<DisciplineRecord> Discipline = [];
        public readonly List<Initiative> Initiatives = [];
        public readonly List<AwardRecord> Awards = [];
    }

    private static void AddHistory(Random rng, Person p, string agencyCode, History h)
    {
        var first = Math.Max(2010, p.HiredOn!.Value.Year);
        var quality = rng.NextDouble(); // some people are steadily better than others
        DisciplineRecord? discipline = null;
        if (rng.Next(80) == 0)
        {
            var y = rng.Next(first, 2026);
            discipline = new DisciplineRecord
            {
                PersonId = p.Id, Level = rng.Next(4) == 0 ? DisciplineLevel.CanhCao : DisciplineLevel.KhienTrach,
                From = new DateOnly(y, 1 + rng.Next(12), 1), DecisionNumber = $"{rng.Next(10, 400)}-QĐ/{agencyCode}",
                Note = "Vi phạm quy chế làm việc (dữ liệu minh họa)",
            };
            discipline.To = discipline.From.AddYears(1).AddDays(-1);
            h.Discipline.Add(discipline);
        }
        var cstdcsRun = 0;
        var initiativeCount = 0;
        for (var year = first; year <= 2025; year++)
        {
            var x = rng.NextDouble() * 0.7 + quality * 0.3;
            var rating = x > 0.80 ? Rating.HTXSNV : x > 0.12 ? Rating.HTTNV : x > 0.04 ? Rating.HTNV : Rating.KHTNV;
            var touched = discipline is not null && discipline.From.Year <= year && discipline.To.Year >= year;
            if (touched && rating > Rating.HTNV) rating = Rating.HTNV;
            h.Ratings.Add(new YearRating { PersonId = p.Id, Year = year, Rating = rating });
            var served = EligibilityEngine.ServiceMonths(p.HiredOn, year);
            var ldtt = rating >= Rating.HTTNV && !touched && served >= (year >= 2024 ? 6 : 10);
            var hasInitiative = ldtt && rng.NextDouble() < 0.08 + quality * 0.12;
            Initiative? initiative = null;
            if (hasInitiative)
            {
                var scope = rng.Next(25) == 0 ? InitiativeScope.Bo : InitiativeScope.CoSo;
                initiative = new Initiative
                {
                    PersonId = p.Id, Year = year, Scope = scope,
                    Title = $"Sáng kiến số {++initiativeCount}: cải tiến quy trình {Pick(rng, InitiativeTopics)}",
                };
                h.Initiatives.Add(initiative);
            }
            if (ldtt) h.Awards.Add(Title(p.Id, year, "LDTT", agencyCode));
            var cstdcsEligible = ldtt && (hasInitiative || (year >= 2024 && rating == Rating.HTXSNV));
            if (cstdcsEligible && rng.NextDouble() < 0.55)
            {
                // The initiative was the basis of the title unless the rating alone sufficed (from 2024).
                if (initiative is not null && !(year >= 2024 && rating == Rating.HTXSNV)) initiative.UsedFor = "CSTDCS";
                h.Awards.Add(Title(p.Id, year, "CSTDCS", agencyCode));
                cstdcsRun++;
            }
            else cstdcsRun = 0;
            if (cstdcsRun >= 3 && rng.Next(4) == 0) h.Awards.Add(Title(p.Id, year, "CSTD_BO", agencyCode));
            if (year >= 2012 && rating == Rating.HTXSNV && rng.Next(60) == 0)
            {
                h.Awards.Add(new AwardRecord
                {
                    PersonId = p.Id, Year = year, Code = "BK_BO", Status = AwardStatus.Conferred,
                    Authority = $"Người đứng đầu {Agencies.First(a => a.Code == agencyCode).Name}",
                    DecisionNumber = $"{100 + year % 100}-QĐ/{agencyCode}", DecisionDate = new DateOnly(year + 1, 1, 15),
                });
            }
            if (rating >= Rating.HTTNV && rng.Next(40) == 0)
            {
                h.Awards.Add(new AwardRecord
                {
                    PersonId = p.Id, Year = year, Code = "GK", Status = AwardStatus.Conferred,
                    Authority = $"Chánh Văn phòng {Agencies.First(a => a.Code == agencyCode).Name}",
                    DecisionNumber = $"{200 + year % 100}-QĐ/VP", DecisionDate = new DateOnly(year + 1, 1, 10),
                });
            }
        }
    }

    /// <summary>
    /// Gives some of one person's awards (from <paramref name="from"/> on) what decisions state since eligibility
    /// v2: a Bằng khen decided the year after a two-year period (decided in 2020 for 2018–2019), a few Bằng khen
    /// of the Prime Minister after five more years, and some one-off (đột xuất) or thematic (chuyên đề) awards.
    /// </summary>
    private static void StatePeriodsAndBases(Random rng, List<AwardRecord> awards, int from, string agencyCode)
    {
        var count = awards.Count;
        for (var i = from; i < count; i++)
        {
            var a = awards[i];
            if (a.Code == "GK")
            {
                var x = rng.Next(12);
                a.Basis = x == 0 ? AwardBasis.DotXuat : x == 1 ? AwardBasis.ChuyenDe : AwardBasis.Merit;
                continue;
            }
            if (a.Code != "BK_BO") continue;
            var roll = rng.Next(6);
            var decided = a.Year + 1;
            var taken = false;
            for (var j = from; j < awards.Count; j++) taken |= j != i && awards[j].Code == "BK_BO" && awards[j].Year == decided;
            if (roll <= 1 && decided <= 2025 && !taken)
            {
                a.PeriodTo = a.Year;
                a.Year = decided;
                a.DecisionNumber = $"{100 + decided % 100}-QĐ/{agencyCode}";
                a.DecisionDate = new DateOnly(decided, 1, 15);
                a.Note = $"Thành tích {a.PeriodTo - 1}–{a.PeriodTo} (dữ liệu minh họa).";
            }
            else if (roll == 2) a.Basis = rng.Next(2) == 0 ? AwardBasis.DotXuat : AwardBasis.ChuyenDe;
            if (a.Basis == AwardBasis.Merit && a.Year <= 2019 && rng.Next(5) == 0)
            {
                var ttg = a.Year + 5;
                awards.Add(new AwardRecord
                {
                    PersonId = a.PersonId, Year = ttg, PeriodTo = ttg - 1, Code = "BK_TTG", Status = AwardStatus.Conferred,
                    Authority = "Thủ tướng Chính phủ", DecisionNumber = $"{300 + ttg % 100}/QĐ-TTg (số minh họa)", DecisionDate = new DateOnly(ttg, 4, 20),
                    Note = $"Thành tích {ttg - 5}–{ttg - 1} (dữ liệu minh họa).",
                });
            }
        }
    }

    private static readonly string[] InitiativeTopics = ["thẩm định hồ sơ", "quản lý văn bản", "lưu trữ điện tử", "tổng hợp báo cáo", "tiếp nhận đơn thư", "bồi dưỡng cán bộ", "theo dõi thi đua"];

    private static AwardRecord Title(int personId, int year, string code, string agencyCode) =>
        new()
        {
            PersonId = personId, Year = year, Code = code, Status = AwardStatus.Conferred,
            Authority = code == "CSTD_BO" ? $"Người đứng đầu {Agencies.First(a => a.Code == agencyCode).Name}" : $"Thủ trưởng {Agencies.First(a => a.Code == agencyCode).Name}",
            DecisionNumber = $"{(code == "LDTT" ? 10 : code == "CSTDCS" ? 11 : 12) + year % 100 * 100}-QĐ/{agencyCode}",
            DecisionDate = new DateOnly(year + 1, 1, 20),
        };

    internal static readonly (string Email, string Name, string Role, string Agency, bool LinkPerson)[] DemoAccounts =
    [
        ("admin@thidua.vn", "Quản trị hệ thống", Roles.Admin, "BTCTW", false),
        ("thuongtruc.khoi@thidua.vn", "Thường trực Khối", Roles.BlocSecretariat, "BDVTW", false),
        ("hoidong.btctw@thidua.vn", "Thường trực Hội đồng TĐKT Ban Tổ chức TW", Roles.CouncilSecretariat, "BTCTW", false),
        ("tdkt.btctw@thidua.vn", "Cán bộ TĐKT Ban Tổ chức TW", Roles.EmulationOfficer, "BTCTW", false),
        ("thanhvien.btctw@thidua.vn", "Thành viên Hội đồng Ban Tổ chức TW", Roles.CouncilMember, "BTCTW", false),
        ("lanhdao.btctw@thidua.vn", "Lãnh đạo Ban Tổ chức TW", Roles.Leader, "BTCTW", false),
        ("canbo.btctw@thidua.vn", "Cán bộ Ban Tổ chức TW", Roles.Staff, "BTCTW", true),
        ("tdkt.hvctqg@thidua.vn", "Cán bộ TĐKT Học viện CTQG HCM", Roles.EmulationOfficer, "HVCTQG", false),
        ("canbo.hvctqg@thidua.vn", "Cán bộ Học viện CTQG HCM", Roles.Staff, "HVCTQG", true),
    ];

    private async Task SeedAccountsAsync(Dictionary<string, Unit> agencies, Dictionary<string, Person> firstPersonOf)
    {
        foreach (var role in Roles.All)
        {
            if (!await roles.RoleExistsAsync(role)) await roles.CreateAsync(new IdentityRole(role));
        }
        foreach (var (email, name, role, agency, link) in DemoAccounts)
        {
            var person = link ? firstPersonOf[agency] : null;
            var user = new AppUser
            {
                UserName = email, Email = email, EmailConfirmed = true,
                FullName = person?.FullName ?? name,
                UnitId = person?.CurrentUnitId ?? agencies[agency].Id,
                PersonId = person?.Id,
            };
            var result = await users.CreateAsync(user, Password);
            if (!result.Succeeded) throw new InvalidOperationException(string.Join("; ", result.Errors.Select(e => e.Description)));
            await users.AddToRoleAsync(user, role);
        }
    }
}
