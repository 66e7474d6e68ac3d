// Runs the named scenarios (all when none is named) in publish mode with Aspire's own manifest
// publisher, one after the other in this process: one build, one start-up of the runtime.
//
//   AppHost <manifest-file-name> [scenario ...]
//
// Each scenario writes <its fixture folder>/<manifest-file-name>; the folder is also its App Host
// directory, so relative paths (projects by path, bind mounts, Dockerfile contexts) mean what
// they mean beside apphost.cs. The scenarios come from generated/Scenarios.g.cs.
using Oracle.Scenarios;

if (args.Length < 1)
{
    Console.Error.WriteLine("usage: AppHost <manifest-file-name> [scenario ...]");
    return 2;
}
var fileName = args[0];
var names = args.Length > 1 ? args[1..] : Registry.All.Keys.ToArray();
foreach (var name in names)
{
    if (!Registry.All.TryGetValue(name, out var scenario))
    {
        Console.Error.WriteLine($"unknown scenario: {name}");
        return 2;
    }
    var output = Path.Combine(scenario.Directory, fileName);
    File.Delete(output);
    scenario.Run(["--publisher", "manifest", "--output-path", output]);
    if (!File.Exists(output))
    {
        Console.Error.WriteLine($"{name}: Aspire wrote no manifest");
        return 1;
    }
    Console.WriteLine($"{name}: {output}");
}
return 0;
