using System.Globalization;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Localization;
using Microsoft.EntityFrameworkCore;
using ThiDua.Data;
using ThiDua.DemoData;
using ThiDua.Features.Accounts;
using ThiDua.Features.Eligibility;
using ThiDua.Features.People;
using ThiDua.Infrastructure;

// Command-line modes run without the web host: the batch eligibility contract and account creation.
if (args.Length > 0 && args[0] == "eligibility")
{
    return EligibilityCommand.Run(args, await RuleBookStore.LoadForCommandLineAsync(args), Console.Out, Console.OpenStandardOutput(), Console.Error);
}

// Settings files sit beside the binaries; the working directory is the caller's (see the .csproj).
var builder = WebApplication.CreateBuilder(new WebApplicationOptions
{
    Args = args,
    EnvironmentName = DefaultEnvironment(),
    ContentRootPath = File.Exists(Path.Combine(Directory.GetCurrentDirectory(), "appsettings.json")) ? null : AppContext.BaseDirectory,
});
builder.WebHost.UseStaticWebAssets();

// Structured (JSON) logs unless a developer asks for plain text with Logging:Format=simple.
builder.Logging.ClearProviders();
if (builder.Configuration["Logging:Format"] == "simple") builder.Logging.AddSimpleConsole(o => o.SingleLine = true);
else builder.Logging.AddJsonConsole(o => o.JsonWriterOptions = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping });

// Database: Database:Provider = Sqlite (default; the file Database:Path) or Postgres (ConnectionStrings:Default).
builder.Services.AddAppDatabase(builder.Configuration);
// Registered before data protection's own start-up service, which reads the key ring from the database.
builder.Services.AddHostedService<StartupTasks>();

// Sign-in cookies and anti-forgery tokens survive restarts and are read by every instance: keys live in the database.
builder.Services.AddDataProtection().SetApplicationName("ThiDua").PersistKeysToDbContext<AppDbContext>();

// Accounts: Identity with password rules and lockout after repeated failures.
builder.Services.AddIdentity<AppUser, IdentityRole>(o =>
    {
        o.Password.RequiredLength = 10;
        o.Password.RequireDigit = true;
        o.Password.RequireLowercase = true;
        o.Password.RequireUppercase = true;
        o.Password.RequireNonAlphanumeric = true;
        o.Lockout.AllowedForNewUsers = true;
        o.User.RequireUniqueEmail = true;
    })
    .AddEntityFrameworkStores<AppDbContext>()
    .AddDefaultTokenProviders()
    .AddErrorDescriber<VietnameseIdentityErrors>()
    .AddClaimsPrincipalFactory<AppClaimsFactory>();
builder.Services.AddOptions<IdentityOptions>().Configure<IConfiguration>((o, cfg) =>
{
    o.Lockout.MaxFailedAccessAttempts = cfg.GetValue("Accounts:MaxFailedLogins", 5);
    o.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(cfg.GetValue("Accounts:LockoutMinutes", 15));
});
builder.Services.ConfigureApplicationCookie(o =>
{
    o.LoginPath = "/Account/Login";
    o.LogoutPath = "/Account/Logout";
    o.AccessDeniedPath = "/Account/AccessDenied";
    o.Cookie.Name = "thidua.auth";
    o.Cookie.HttpOnly = true;
    o.Cookie.SameSite = SameSiteMode.Lax;
    // Secure whenever the request is https, also behind a proxy that ends TLS (see the forwarded headers below).
    o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
    o.SlidingExpiration = true;
    o.ExpireTimeSpan = TimeSpan.FromHours(8);
    // Every request re-reads the account's security stamp and active flag: a deactivated or changed account
    // loses its sessions at once, not after Identity's default 30 minutes.
    o.Events.OnValidatePrincipal = SessionCheck.ValidateAsync;
});
builder.Services.AddAuthorization(o =>
{
    o.FallbackPolicy = new Microsoft.AspNetCore.Authorization.AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build();
    o.AddPolicy("Admin", p => p.RequireRole(Roles.Admin));
    o.AddPolicy("RegistryReader", p => p.RequireRole(Roles.RegistryReaders.Split(',')));
});

// Pages: one folder per feature under Features/, Vietnamese first.
builder.Services.AddRazorPages(o =>
{
    o.RootDirectory = "/Features";
    o.Conventions.AuthorizeFolder("/Admin", "Admin");
    // Account administration lives with the account feature (Features/Accounts/Manage) at /Admin/Accounts.
    o.Conventions.AuthorizeFolder("/Accounts/Manage", "Admin");
    o.Conventions.AuthorizeFolder("/Units", "RegistryReader");
    o.Conventions.AuthorizeFolder("/Blocs", "RegistryReader");
    // The bloc's year (issue 9): each page narrows further by role and unit.
    o.Conventions.AuthorizeFolder("/Movements", "RegistryReader");
    o.Conventions.AuthorizeFolder("/Registrations", "RegistryReader");
    o.Conventions.AuthorizeFolder("/Agreements", "RegistryReader");
    o.Conventions.AuthorizeFolder("/Scoring", "RegistryReader");
    o.Conventions.AuthorizeFolder("/Votes", "RegistryReader");
    o.Conventions.AuthorizeFolder("/Models", "RegistryReader");
    // Nominations to decisions (issue 10): each page narrows further by role and unit.
    o.Conventions.AuthorizeFolder("/Nominations", "RegistryReader");
    o.Conventions.AuthorizeFolder("/Councils", "RegistryReader");
    o.Conventions.AuthorizeFolder("/Decisions", "RegistryReader");
    o.Conventions.AuthorizeFolder("/Calendar", "Admin");
    // Notifications and certificates: any signed-in account (the fallback policy); each checks its owner.
    // Public: the verification page a certificate's QR code opens, and the public-comment list of the portal.
    o.Conventions.AllowAnonymousToPage("/Certificates/Verify");
    o.Conventions.AllowAnonymousToPage("/Nominations/PublicList");
    o.Conventions.AllowAnonymousToPage("/Index");
    o.Conventions.AllowAnonymousToPage("/Accounts/Login");
    o.Conventions.AllowAnonymousToPage("/Accounts/AccessDenied");
    o.Conventions.AllowAnonymousToPage("/Error");
    // A ballot is cast with its one-time token, not an account: see docs/decisions/0014-secret-ballot.md.
    o.Conventions.AllowAnonymousToPage("/Votes/Cast");
})
    // Model-binding errors in Vietnamese, naming the field by its label ("Năm quyết định: "2e3" không phải là số năm.").
    .AddMvcOptions(BindingMessages.Install)
    // Dates typed dd/mm/yyyy whatever the browser's language; yes/no fields never trust the posted text;
    // validation attributes without a message of their own get a Vietnamese one (Infrastructure/VnValidation.cs).
    .AddMvcOptions(o =>
    {
        o.ModelBinderProviders.Insert(0, new VnDateBinderProvider());
        o.ModelBinderProviders.Insert(0, new VnBoolBinderProvider());
        o.Filters.Add(new UnknownHandlerFilter());
    });
// After the data-annotations setup, which adds the implicit [Required] of value types this provider must also see.
builder.Services.PostConfigure<Microsoft.AspNetCore.Mvc.MvcOptions>(o => o.ModelMetadataDetailsProviders.Add(new VnValidationMessages()));
// Vietnamese text is written as characters, not as &#x...; entities.
builder.Services.Configure<Microsoft.Extensions.WebEncoders.WebEncoderOptions>(o =>
    o.TextEncoderSettings = new System.Text.Encodings.Web.TextEncoderSettings(System.Text.Unicode.UnicodeRanges.All));
builder.Services.AddAntiforgery(o =>
{
    o.Cookie.Name = "thidua.af";
    // Antiforgery's own default (CookieSecurePolicy.None) never marks it Secure.
    o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
});
builder.Services.Configure<Microsoft.AspNetCore.Mvc.CookieTempDataProviderOptions>(o => o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest);
// Behind nginx (deploy/nginx/thidua.conf): X-Forwarded-* from the configured proxies only (Proxy:KnownProxies,
// Proxy:KnownNetworks; default the loopback), and HSTS (Infrastructure/ReverseProxy.cs).
builder.Services.AddReverseProxySupport();
builder.Services.AddLocalization();
builder.Services.Configure<RequestLocalizationOptions>(o =>
{
    var cultures = new[] { new CultureInfo("vi-VN"), new CultureInfo("en-US") };
    o.DefaultRequestCulture = new RequestCulture("vi-VN");
    o.SupportedCultures = cultures;
    o.SupportedUICultures = cultures;
    o.RequestCultureProviders = [new CookieRequestCultureProvider { CookieName = Lang.CookieName }];
});
builder.Services.AddSingleton<Lang>();
builder.Services.AddScoped<UnitScopeService>();
builder.Services.AddScoped<ThiDua.Features.Accounts.SignInGuard>();
builder.Services.AddScoped<DemoSeeder>();
builder.Services.AddSingleton(TimeProvider.System);
builder.Services.AddScoped<RuleBookStore>();
builder.Services.AddScoped<PeopleImporter>();
builder.Services.AddSingleton<ImportQueue>();
builder.Services.AddSingleton<UploadStore>();
builder.Services.AddSingleton<InstanceIdentity>();
builder.Services.AddSingleton<DocumentFiles>();
// Bloc year features register their services below this line.
builder.Services.AddScoped<ThiDua.Features.Movements.MovementService>();
builder.Services.AddScoped<ThiDua.Features.Registrations.RegistrationService>();
builder.Services.AddScoped<ThiDua.Features.Agreements.AgreementService>().AddScoped<ThiDua.Features.Models.ModelRegister>();
builder.Services.AddScoped<ThiDua.Features.Scoring.ScoringService>();
builder.Services.AddScoped<ThiDua.Features.Votes.VoteService>();
builder.Services.AddScoped<ThiDua.Features.Nominations.Workflow.NominationActions>();
builder.Services.AddScoped<ThiDua.Features.Nominations.DossierService>();
builder.Services.AddScoped<ThiDua.Features.Certificates.CertificateService>();
builder.Services.AddScoped<ThiDua.Features.Councils.CouncilService>();
builder.Services.AddScoped<ThiDua.Features.Decisions.DecisionService>();
builder.Services.AddHostedService<ImportWorker>();
builder.Services.Configure<Microsoft.AspNetCore.Http.Features.FormOptions>(o => o.MultipartBodyLengthLimit = PeopleImporter.MaxFileBytes + 64 * 1024);
builder.Services.AddSingleton<ThiDua.Features.Notifications.NotificationMailer>().AddHostedService(sp => sp.GetRequiredService<ThiDua.Features.Notifications.NotificationMailer>()).AddSingleton<ThiDua.Features.Notifications.DeadlineSweep>().AddHostedService(sp => sp.GetRequiredService<ThiDua.Features.Notifications.DeadlineSweep>());

var app = builder.Build();

// Command-line modes that copy the configured database: backup, restore (Data/BackupCommands.cs).
if (BackupCommands.IsCommand(args)) return await BackupCommands.RunAsync(app.Services, args, Console.Out, Console.Error);

// Command-line modes that need the configured database: migrate, create-admin.
if (args.Contains("migrate") || args.Contains("create-admin"))
{
    await DatabaseSetup.MigrateAsync(app.Services);
    return args.Contains("create-admin") ? await AccountCommands.CreateAdminAsync(app.Services, args) : 0;
}

// First: everything after sees the client's address, scheme and host as the proxy received them.
app.UseForwardedHeaders();
app.UseInstanceHeader(app.Configuration);
app.UseSecurityHeaders();
if (!app.Environment.IsDevelopment())
{
    app.UseExceptionHandler("/Error");
    // Strict-Transport-Security on https answers only (and not for localhost).
    app.UseHsts();
}
app.UseStatusCodePagesWithReExecute("/Error", "?code={0}");
app.UseStaticFiles();
app.UseRequestLocalization();
app.UseRouting();
app.UseAuthentication();
app.UseAuthorization();
// Health: 200 when the database answers a query, 503 otherwise.
app.MapGet("/healthz", async (AppDbContext db, CancellationToken ct) =>
{
    try
    {
        await db.Units.AsNoTracking().OrderBy(u => u.Id).Select(u => u.Id).FirstOrDefaultAsync(ct);
        return Results.Text("ok");
    }
    catch (Exception ex) when (ex is not OperationCanceledException)
    {
        return Results.Text("database unavailable", statusCode: StatusCodes.Status503ServiceUnavailable);
    }
}).AllowAnonymous();

// Language switch for the shell (a plain link, so it works without JavaScript).
app.MapGet("/lang/{code}", (string code, string? returnUrl, HttpContext ctx) =>
{
    var culture = code == "en" ? "en-US" : "vi-VN";
    ctx.Response.Cookies.Append(Lang.CookieName, CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(culture)),
        new CookieOptions { Expires = DateTimeOffset.UtcNow.AddYears(1), IsEssential = true, SameSite = SameSiteMode.Lax, HttpOnly = true, Secure = ctx.Request.IsHttps });
    return Results.LocalRedirect(SecurityHeaders.SafeLocalUrl(returnUrl));
}).AllowAnonymous();

app.MapRazorPages();
app.Run();
return 0;

// `dotnet run` builds Debug and should show the demo; a Release build (what is deployed) defaults to
// Production, which seeds nothing. An explicit ASPNETCORE_ENVIRONMENT always wins. (No launchSettings.json:
// dotnet run would print its "Using launch settings" line on standard output, into the batch command's JSON.)
static string? DefaultEnvironment()
{
    if (Environment.GetEnvironmentVariable("ASPNETCORE_ENVIRONMENT") is { Length: > 0 } || Environment.GetEnvironmentVariable("DOTNET_ENVIRONMENT") is { Length: > 0 }) return null;
#if DEBUG
    return "Development";
#else
    return null;
#endif
}
