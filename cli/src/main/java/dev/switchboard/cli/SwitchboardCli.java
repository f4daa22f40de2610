package dev.switchboard.cli;

import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code java -jar switchboard-cli.jar validate|generate|compat|export}: what the Maven plugin does, for CI jobs and
 * builds without Maven, over the same code ({@code dev.switchboard.codegen.build}). Exit codes: 0 done, 1 the
 * contract has problems or breaks its baseline, 2 the command line itself is wrong.
 */
@Command(name = "switchboard", mixinStandardHelpOptions = true, versionProvider = SwitchboardCli.Version.class,
        description = "Validates service contracts, generates code and documents from them, checks compatibility.",
        subcommands = {ValidateCommand.class, GenerateCommand.class, CompatCommand.class, ExportCommand.class},
        synopsisSubcommandLabel = "COMMAND")
public final class SwitchboardCli implements Runnable {

    /** The contract has problems, or a change breaks the baseline. */
    static final int FAILED = 1;

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        System.exit(run(new PrintWriter(System.out, true), new PrintWriter(System.err, true), args));
    }

    /** Runs one command line; what it prints goes to {@code out} and {@code err}. */
    static int run(PrintWriter out, PrintWriter err, String... args) {
        CommandLine line = new CommandLine(new SwitchboardCli()).setCaseInsensitiveEnumValuesAllowed(true);
        line.setOut(out);
        line.setErr(err);
        return line.execute(args);
    }

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "name a command: validate, generate, compat or export");
    }

    /** The jar's version, from its manifest. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"switchboard " + version()};
        }
    }

    static String version() {
        String version = SwitchboardCli.class.getPackage().getImplementationVersion();
        return version == null ? "development" : version;
    }
}
