using ThiDua.Features.Eligibility;

if (args.Length > 0 && args[0] == "eligibility")
{
    return EligibilityCommand.Run(args, RuleBook.Default, Console.Out, Console.OpenStandardOutput(), Console.Error);
}

var builder = WebApplication.CreateBuilder(args);
var app = builder.Build();
app.MapGet("/healthz", () => "ok");
app.Run();
return 0;
