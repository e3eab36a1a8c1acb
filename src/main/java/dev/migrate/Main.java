package dev.migrate;

import io.quarkus.picocli.runtime.annotations.TopCommand;
import picocli.CommandLine;

@TopCommand
@CommandLine.Command(name = "migrate", mixinStandardHelpOptions = true)
public class Main implements Runnable {
    public void run() { System.out.println("hi"); }
}
