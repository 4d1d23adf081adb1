// ethers.js v6 against a SwarmLedger node over JSON-RPC (issue #5, open API).
//
//   node ethers_interop.cjs --npm-prefix DIR -- NODE_COMMAND [ARGS...]
//
// Installs ethers@6 into DIR with npm (cache in ~/.npm), starts the node command ({PORT} and
// {DATADIR} in its arguments are replaced by a free loopback port and a scratch directory),
// reads its first output line {"rpc": [...], "chainId": N, "nrgToken": "0x...",
// "fundedKey": "0x..."}, then checks with a real ethers provider and wallets: balances,
// an NRG transfer with its receipt and Transfer event, approve + transferFrom, an eth_getLogs
// query, filter polling (contract.on), and three refusals (over-balance transfer with its
// revert reason, wrong chain id, replayed transaction). Exits non-zero naming what failed.
"use strict";
const { execFileSync, spawn } = require("child_process");
const fs = require("fs");
const net = require("net");
const os = require("os");
const path = require("path");
const readline = require("readline");
const { createRequire } = require("module");

function fail(message) {
    console.error(`FAIL ${message}`);
    process.exitCode = 1;
    throw new Error(message);
}
function check(cond, message) {
    if (!cond) fail(message);
    console.log(`ok   ${message}`);
}
function withTimeout(promise, ms, what) {
    let timer;
    return Promise.race([
        promise,
        new Promise((_, reject) => { timer = setTimeout(() => reject(new Error(`timed out after ${ms} ms: ${what}`)), ms); }),
    ]).finally(() => clearTimeout(timer));
}

function parseArgs(argv) {
    const sep = argv.indexOf("--");
    const prefixAt = argv.indexOf("--npm-prefix");
    if (sep < 0 || prefixAt < 0 || prefixAt + 1 >= sep || sep + 1 >= argv.length)
        throw new Error("usage: node ethers_interop.cjs --npm-prefix DIR -- NODE_COMMAND [ARGS...]");
    return { prefix: path.resolve(argv[prefixAt + 1]), command: argv.slice(sep + 1) };
}

// npm install ethers@6 into the build directory (once; the npm cache makes re-runs fast).
function installEthers(prefix) {
    try {
        execFileSync("npm", ["--version"], { stdio: "pipe" });
    } catch (e) {
        fail("npm is not available (install Node.js and npm): the ethers.js interop test needs it to install ethers@6");
    }
    fs.mkdirSync(prefix, { recursive: true });
    const pkg = path.join(prefix, "package.json");
    if (!fs.existsSync(pkg)) fs.writeFileSync(pkg, JSON.stringify({ name: "swarmergy-interop", private: true }) + "\n");
    const requireHere = createRequire(pkg);
    try {
        const version = requireHere("ethers/package.json").version;
        if (version.startsWith("6.")) return requireHere("ethers");
    } catch (e) { /* not installed yet */ }
    console.log(`installing ethers@6 into ${prefix} (npm cache ~/.npm)`);
    try {
        execFileSync("npm", ["install", "--prefix", prefix, "--no-audit", "--no-fund", "--prefer-offline", "ethers@6"],
                     { stdio: "inherit", timeout: 180000 });
    } catch (e) {
        fail(`npm install ethers@6 failed (${e.message}): the registry must be reachable or ~/.npm must hold ethers@6`);
    }
    return requireHere("ethers");
}

function freePort() {
    return new Promise((resolve, reject) => {
        const server = net.createServer();
        server.once("error", reject);
        server.listen(0, "127.0.0.1", () => {
            const { port } = server.address();
            server.close(() => resolve(port));
        });
    });
}

async function startNode(command) {
    const port = await freePort();
    const datadir = fs.mkdtempSync(path.join(os.tmpdir(), "swarmergy-interop-"));
    const args = command.slice(1).map((a) => a.replaceAll("{PORT}", String(port)).replaceAll("{DATADIR}", datadir));
    console.log(`starting ${command[0]} ${args.join(" ")}`);
    const child = spawn(command[0], args, { stdio: ["ignore", "pipe", "inherit"] });
    const exited = new Promise((resolve) => child.once("exit", (code, signal) => resolve({ code, signal })));
    const spawnFailed = new Promise((_, reject) => child.once("error", (e) => reject(new Error(`cannot start ${command[0]}: ${e.message}`))));
    const lines = readline.createInterface({ input: child.stdout });
    const first = await withTimeout(Promise.race([spawnFailed, new Promise((resolve, reject) => {
        lines.once("line", resolve);
        child.once("exit", (code) => reject(new Error(`node exited (${code}) before printing its JSON line`)));
    })]), 30000, "the node's first output line");
    lines.on("line", (l) => console.log(`node: ${l}`));
    let info;
    try {
        info = JSON.parse(first);
    } catch (e) {
        fail(`the node's first line is not JSON: ${first}`);
    }
    check(Array.isArray(info.rpc) && info.rpc.length > 0 && typeof info.rpc[0] === "string", "first line has rpc URLs");
    check(Number.isInteger(info.chainId), "first line has a numeric chainId");
    check(/^0x[0-9a-fA-F]{40}$/.test(info.nrgToken), "first line has the NRG token address");
    check(/^0x[0-9a-fA-F]{64}$/.test(info.fundedKey), "first line has a funded key");
    return { child, exited, info, datadir };
}

const ERC20_ABI = [
    "function name() view returns (string)",
    "function symbol() view returns (string)",
    "function decimals() view returns (uint8)",
    "function totalSupply() view returns (uint256)",
    "function balanceOf(address) view returns (uint256)",
    "function allowance(address,address) view returns (uint256)",
    "function transfer(address,uint256) returns (bool)",
    "function approve(address,uint256) returns (bool)",
    "function transferFrom(address,address,uint256) returns (bool)",
    "event Transfer(address indexed from, address indexed to, uint256 value)",
    "event Approval(address indexed owner, address indexed spender, uint256 value)",
];

async function expectRejected(promise, pattern, what) {
    try {
        await promise;
    } catch (e) {
        const text = `${e.shortMessage || ""} ${e.reason || ""} ${e.message || ""} ${JSON.stringify(e.info || {})}`;
        check(pattern.test(text), `${what} is refused (${(e.shortMessage || e.message).slice(0, 120)})`);
        return e;
    }
    fail(`${what} was accepted`);
}

async function runChecks(ethers, info) {
    const provider = new ethers.JsonRpcProvider(info.rpc[0], undefined, { polling: false, pollingInterval: 250 });
    provider.pollingInterval = 250;
    const network = await provider.getNetwork();
    check(network.chainId === BigInt(info.chainId), `eth_chainId is the printed chain id ${info.chainId}`);
    const funded = new ethers.Wallet(info.fundedKey, provider);
    const alice = ethers.Wallet.createRandom().connect(provider);
    const bob = ethers.Wallet.createRandom().connect(provider);
    const token = new ethers.Contract(info.nrgToken, ERC20_ABI, funded);

    // --- balances and token metadata ---
    check((await provider.getCode(info.nrgToken)) !== "0x", "eth_getCode is non-empty for the NRG contract");
    check((await token.name()) === "NRGcoin" && (await token.symbol()) === "NRG" && (await token.decimals()) === 18n,
          "name/symbol/decimals through eth_call");
    const fundedNrg0 = await token.balanceOf(funded.address);
    check(fundedNrg0 > 0n, `funded account holds NRG (${ethers.formatEther(fundedNrg0)})`);
    check((await token.balanceOf(alice.address)) === 0n, "a fresh account holds no NRG");
    const nativeFunded = await provider.getBalance(funded.address);
    check(typeof nativeFunded === "bigint", `eth_getBalance answers (${ethers.formatEther(nativeFunded)} native)`);
    const startBlock = await provider.getBlockNumber();
    const latest = await provider.getBlock("latest");
    check(latest && latest.hash && latest.number === startBlock, "eth_getBlockByNumber(latest) has hash and number");

    // Gas is paid in native coin only when the node asks a non-zero gas price: give the fresh
    // accounts some native coin then (and check native transfers and balances either way).
    const oneCoin = ethers.parseEther("1");
    if (nativeFunded > 10n * oneCoin) {
        for (const who of [alice, bob]) {
            const r = await (await funded.sendTransaction({ to: who.address, value: oneCoin })).wait();
            check(r.status === 1, `native transfer to ${who.address.slice(0, 10)} mined`);
        }
        check((await provider.getBalance(alice.address)) === oneCoin, "native balance of the receiver is exact");
    }

    // --- filter polling: contract.on(Transfer to alice) through eth_newFilter / eth_getFilterChanges ---
    const amount = ethers.parseUnits("100", 18);
    let onTransfer;
    const seen = new Promise((resolve) => { onTransfer = resolve; });
    // Installs an eth_newFilter before the transfer is sent (ethers batches requests in order),
    // then polls it with eth_getFilterChanges on every new block.
    await token.on(token.filters.Transfer(funded.address, alice.address),
                   (...args) => onTransfer(args[args.length - 1]));   // the ContractEventPayload

    // --- NRG transfer with receipt and event ---
    const transferTx = await token.transfer(alice.address, amount);
    const receipt = await withTimeout(transferTx.wait(), 20000, "transfer receipt");
    check(receipt.status === 1, "transfer receipt status 1");
    check(receipt.hash === transferTx.hash, "receipt hash is eth_sendRawTransaction's hash");
    const parsed = receipt.logs.map((l) => token.interface.parseLog(l)).filter((x) => x && x.name === "Transfer");
    check(parsed.length === 1 && parsed[0].args.from === funded.address && parsed[0].args.to === alice.address &&
          parsed[0].args.value === amount, "receipt holds the Transfer(funded, alice, 100 NRG) event");
    check(receipt.logs[0].index >= 0 && receipt.logs[0].transactionIndex === receipt.index, "log has logIndex and transactionIndex");
    check((await token.balanceOf(alice.address)) === amount, "alice's NRG balance is 100");
    check((await token.balanceOf(funded.address)) === fundedNrg0 - amount, "funded account's NRG fell by exactly 100");
    const fetched = await provider.getTransaction(transferTx.hash);
    check(fetched && fetched.blockNumber === receipt.blockNumber && fetched.from === funded.address,
          "eth_getTransactionByHash returns the mined transaction");
    if (info.rpc.length > 1) {   // a devnet of several authorities: every endpoint sees the block
        const other = new ethers.JsonRpcProvider(info.rpc[info.rpc.length - 1], undefined, { pollingInterval: 250 });
        const there = await withTimeout(other.waitForTransaction(transferTx.hash, 1, 20000), 25000, "receipt on another authority");
        check(there && there.blockHash === receipt.blockHash, `${info.rpc[info.rpc.length - 1]} reports the same receipt`);
        other.destroy();
    }
    const event = await withTimeout(seen, 15000, "Transfer event through filter polling");
    check(event.args.value === amount && event.log.transactionHash === transferTx.hash,
          `contract.on delivered the Transfer event (value ${event.args.value}, tx ${event.log.transactionHash})`);
    await token.removeAllListeners();

    // --- approve + transferFrom ---
    const allowanceAmount = ethers.parseUnits("50", 18);
    const approveReceipt = await (await token.approve(alice.address, allowanceAmount)).wait();
    check(approveReceipt.status === 1 && approveReceipt.logs.some((l) => token.interface.parseLog(l)?.name === "Approval"),
          "approve mined with an Approval event");
    check((await token.allowance(funded.address, alice.address)) === allowanceAmount, "allowance is 50");
    const moved = ethers.parseUnits("30", 18);
    const fromReceipt = await (await token.connect(alice).transferFrom(funded.address, bob.address, moved)).wait();
    check(fromReceipt.status === 1, "transferFrom by the spender mined");
    check((await token.balanceOf(bob.address)) === moved, "bob received 30 NRG");
    check((await token.allowance(funded.address, alice.address)) === allowanceAmount - moved, "allowance fell to 20");

    // --- eth_getLogs: address as an array, null topic wildcard, block range ---
    const transferTopic = token.interface.getEvent("Transfer").topicHash;
    const logs = await provider.getLogs({ address: [info.nrgToken], fromBlock: startBlock, toBlock: "latest",
                                          topics: [transferTopic, null, ethers.zeroPadValue(bob.address, 32)] });
    check(logs.length === 1 && logs[0].transactionHash === fromReceipt.hash, "eth_getLogs finds the one Transfer to bob");
    const fromFunded = await token.queryFilter(token.filters.Transfer(funded.address), startBlock);
    check(fromFunded.length === 2, `queryFilter(Transfer from funded) finds 2 events (got ${fromFunded.length})`);

    // --- refusals ---
    await expectRejected(token.connect(bob).transfer(alice.address, moved + 1n), /transfer amount exceeds balance/,
                         "an over-balance transfer");
    const base = await funded.populateTransaction({ to: bob.address, value: 0n, gasLimit: 21000n });
    const wrongChain = await funded.signTransaction({ ...base, chainId: network.chainId + 1n });
    await expectRejected(provider.broadcastTransaction(wrongChain), /chain id/i, "a transaction for another chain id");
    const raw = await funded.signTransaction(base);
    const sent = await provider.broadcastTransaction(raw);
    check((await withTimeout(sent.wait(), 20000, "zero-value transfer")).status === 1, "a signed zero-value transfer mined");
    await expectRejected(provider.broadcastTransaction(raw), /already known|nonce too low|replay/i, "the same signed transaction replayed");
    check((await provider.getTransactionCount(funded.address, "pending")) ===
          (await provider.getTransactionCount(funded.address, "latest")), "pending nonce equals latest nonce at rest");
    provider.destroy();
}

async function main() {
    const { prefix, command } = parseArgs(process.argv.slice(2));
    const ethers = installEthers(prefix);
    console.log(`ethers ${ethers.version}`);
    const node = await startNode(command);
    let failure = null;
    try {
        await withTimeout(runChecks(ethers, node.info), 90000, "the ethers checks");
    } catch (e) {
        failure = e;
    }
    node.child.kill("SIGTERM");
    const { code, signal } = await withTimeout(node.exited, 15000, "node shutdown after SIGTERM");
    fs.rmSync(node.datadir, { recursive: true, force: true });
    if (failure) {
        console.error(`FAIL ${failure.stack || failure}`);
        process.exit(1);
    }
    check(code === 0, `node shut down cleanly on SIGTERM (code ${code}, signal ${signal})`);
    console.log("PASS ethers.js v6 interop");
}

main().catch((e) => {
    console.error(`FAIL ${e.stack || e}`);
    process.exit(1);
});
