package dev.shipshape.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.shipshape.ShipshapeException;
import dev.shipshape.engine.LiveVersion;
import dev.shipshape.engine.RunStatus;
import dev.shipshape.runbook.InvalidRunbookException;
import dev.shipshape.runbook.Problem;
import dev.shipshape.store.Store;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The services of a runbooks folder, as a server holding many services lists, finds and deploys them. */
class ServiceCatalogTest {

    private static final String RUNBOOK = """
            service: NAME
            environments:
              staging: {}
            stages:
              - name: deploy
                steps:
                  - run: echo deploy ${version} >> journal
            """;
    private static final Actor CAROL = Actor.server("carol", "192.0.2.7");

    @TempDir
    Path folder;

    private static String runbook(String service) {
        return RUNBOOK.replace("NAME", service);
    }

    private Path write(String file, String text) throws Exception {
        Path path = folder.resolve(file);
        Files.createDirectories(path.getParent());
        return Files.writeString(path, text);
    }

    private ServiceCatalog catalog() {
        return new AppKit(folder).app().serviceCatalog(folder);
    }

    @Test
    void validAndInvalidRunbooksAreListedEachWithItsFolderAndTheInvalidOnesWithTheirProblems() throws Exception {
        write("billing.yaml", runbook("billing"));
        write("shop/shipshape.yaml", runbook("shop").replace("    steps:", "    stepz:"));
        write("notes.txt", "not a runbook");
        write("docs/readme.yaml", runbook("docs"));

        List<ServiceCatalog.Service> services = catalog().services();

        assertThat(services).extracting(ServiceCatalog.Service::name).containsExactly("billing", "shop");
        ServiceCatalog.Service billing = services.get(0);
        assertThat(billing.valid()).isTrue();
        assertThat(billing.file()).isEqualTo("billing.yaml");
        assertThat(billing.folder()).isEqualTo(folder);
        ServiceCatalog.Service shop = services.get(1);
        assertThat(shop.valid()).isFalse();
        assertThat(shop.file()).isEqualTo("shop/shipshape.yaml");
        assertThat(shop.runbook()).isEqualTo(folder.resolve("shop/shipshape.yaml"));
        assertThat(shop.folder()).isEqualTo(folder.resolve("shop"));
        assertThat(shop.problems()).extracting(Problem::render).containsExactly(
                "shop/shipshape.yaml:5:5: stages[0]: missing required key 'steps'",
                "shop/shipshape.yaml:6:5: stages[0]: unknown key 'stepz' (did you mean 'steps'?)");
    }

    @Test
    void anInvalidRunbookCannotBeDeployedAndSaysWhy() throws Exception {
        write("shop.yaml", runbook("shop").replace("staging: {}", "staging: [oops]"));

        assertThatThrownBy(() -> catalog().deployable("shop"))
                .isInstanceOfSatisfying(InvalidRunbookException.class, e -> {
                    assertThat(e.code()).isEqualTo(ShipshapeException.Code.INVALID_INPUT);
                    assertThat(e.problems()).isNotEmpty().allSatisfy(p -> assertThat(p.file()).isEqualTo("shop.yaml"));
                    assertThat(e.problems().get(0).line()).isEqualTo(3);
                });
    }

    @Test
    void aRunbookThatIsNotYamlIsListedUnderItsFileWithWhereItBreaks() throws Exception {
        write("broken.yaml", "service: [shop\n");

        ServiceCatalog.Service broken = catalog().services().get(0);

        assertThat(broken.name()).isEqualTo("broken.yaml");
        assertThat(broken.problems()).hasSize(1);
        assertThat(broken.problems().get(0).file()).isEqualTo("broken.yaml");
        assertThat(broken.problems().get(0).line()).isPositive();
    }

    @Test
    void aChangedAddedOrRemovedRunbookIsSeenOnTheNextLook() throws Exception {
        write("shop.yaml", runbook("shop"));
        ServiceCatalog catalog = catalog();
        assertThat(catalog.find("shop").valid()).isTrue();

        write("shop.yaml", runbook("shop").replace("staging: {}", "staging: {window: always}"));
        write("billing/shipshape.yaml", runbook("billing"));

        assertThat(catalog.find("shop").problems()).extracting(Problem::message)
                .anySatisfy(m -> assertThat(m).contains("'window'"));
        assertThat(catalog.services()).extracting(ServiceCatalog.Service::name).containsExactly("billing", "shop");

        Files.delete(folder.resolve("billing/shipshape.yaml"));
        write("shop.yaml", runbook("shop"));

        assertThat(catalog.services()).extracting(ServiceCatalog.Service::name).containsExactly("shop");
        assertThat(catalog.deployable("shop").runbook().runbook().service()).isEqualTo("shop");
    }

    @Test
    void anUnchangedFolderGivesTheSameServicesWithoutReadingThemAgain() throws Exception {
        write("shop.yaml", runbook("shop"));
        ServiceCatalog catalog = catalog();

        assertThat(catalog.services()).isSameAs(catalog.services());
    }

    @Test
    void readersAtOnceWhileTheRunbookIsReplacedEachSeeOneWholeVersion() throws Exception {
        write("shop.yaml", runbook("shop"));
        ServiceCatalog catalog = catalog();
        List<String> versions = List.of(runbook("shop"), runbook("shop").replace("echo deploy", "echo deploying"));
        ExecutorService readers = Executors.newFixedThreadPool(4);
        try {
            List<Future<Set<String>>> seen = new ArrayList<>();
            for (int reader = 0; reader < 4; reader++) {
                seen.add(readers.submit(() -> {
                    Set<String> texts = new HashSet<>();
                    for (int look = 0; look < 200; look++) {
                        texts.add(catalog.deployable("shop").runbook().text());
                    }
                    return texts;
                }));
            }
            for (int change = 0; change < 50; change++) {
                Path next = write("next.tmp", versions.get(change % 2));
                Files.move(next, folder.resolve("shop.yaml"), StandardCopyOption.ATOMIC_MOVE);
            }
            for (Future<Set<String>> texts : seen) {
                assertThat(versions).containsAll(texts.get());
            }
        } finally {
            readers.shutdownNow();
        }
    }

    @Test
    void twoFilesDeclaringOneServiceAreBothListedWithTheProblemAndNeitherDeploys() throws Exception {
        write("shop.yaml", runbook("shop"));
        write("shop/shipshape.yaml", runbook("shop"));
        write("billing.yaml", runbook("billing"));

        List<ServiceCatalog.Service> services = catalog().services();

        assertThat(services).extracting(ServiceCatalog.Service::file)
                .containsExactly("billing.yaml", "shop/shipshape.yaml", "shop.yaml");
        assertThat(services.get(0).valid()).isTrue();
        assertThat(services.get(1).problems()).extracting(Problem::render).containsExactly("shop/shipshape.yaml:1:10:"
                + " service: service 'shop' is declared by shop.yaml too (give each service one runbook: rename the"
                + " service in one file, or remove one of them)");
        assertThat(services.get(2).problems()).extracting(Problem::message)
                .containsExactly("service 'shop' is declared by shop/shipshape.yaml too");
        assertThatThrownBy(() -> catalog().deployable("shop")).isInstanceOf(InvalidRunbookException.class);
    }

    @Test
    void anUnknownServiceIsNotFoundWithTheClosestName() throws Exception {
        write("shop.yaml", runbook("shop"));
        write("billing.yaml", runbook("billing"));

        assertThatThrownBy(() -> catalog().find("shpo"))
                .isInstanceOfSatisfying(ShipshapeException.class, e ->
                        assertThat(e.code()).isEqualTo(ShipshapeException.Code.NOT_FOUND))
                .hasMessage("no service 'shpo' in " + folder + "; did you mean 'shop'?");
        assertThatThrownBy(() -> catalog().deployable("payments"))
                .hasMessage("no service 'payments' in " + folder + "; expected one of: billing, shop");
    }

    @Test
    void aFolderThatDoesNotExistIsRefusedWithWhatToPass() {
        assertThatThrownBy(() -> new AppKit(folder).app().serviceCatalog(Path.of("nowhere")))
                .isInstanceOfSatisfying(ShipshapeException.class, e ->
                        assertThat(e.code()).isEqualTo(ShipshapeException.Code.NOT_FOUND))
                .hasMessageStartingWith("runbooks folder " + folder.resolve("nowhere") + " is not a folder");
    }

    @Test
    void aServiceInASubfolderDeploysFromThatFolderWithItsSecretsOverTheServersOneStore() throws Exception {
        write("shop/shipshape.yaml", """
                service: shop
                environments:
                  staging: {}
                stages:
                  - name: deploy
                    steps:
                      - run: ./scripts/deploy.sh ${version}
                        env:
                          TOKEN: ${secret:DEPLOY_TOKEN}
                """);
        Path script = write("shop/scripts/deploy.sh", "#!/bin/sh\necho \"$1 in $(pwd) with $TOKEN\" > deployed\n");
        Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwx------"));
        Path secrets = write("shop/.shipshape/secrets", "DEPLOY_TOKEN=shop-token\n");
        Files.setPosixFilePermissions(secrets, PosixFilePermissions.fromString("rw-------"));
        AppKit server = new AppKit(folder);

        ServiceCatalog.Deployable shop = server.app().serviceCatalog(folder).deployable("shop");
        try (Store store = server.store()) {
            Deployments.RunResult result = shop.root().deployments(store).deploy(server.deploy(shop.runbook(),
                    "staging", "1.0", CAROL));

            assertThat(result.outcome().status()).isEqualTo(RunStatus.SUCCEEDED);
            assertThat(store.runs().live("shop", "staging")).map(LiveVersion::version).contains("1.0");
        }
        assertThat(Files.readString(folder.resolve("shop/deployed")))
                .isEqualTo("1.0 in " + folder.resolve("shop") + " with shop-token\n");
        assertThat(folder.resolve("shop/.shipshape/store.mv.db")).doesNotExist();
        assertThat(shop.root().settings().home()).isEqualTo(folder.resolve("shop"));
        try (Store again = shop.root().openStore(null)) {
            assertThat(again.runs().live("shop", "staging")).map(LiveVersion::version).contains("1.0");
        }
        assertThat(folder.resolve("shop/.shipshape/store.mv.db")).doesNotExist();
    }
}
