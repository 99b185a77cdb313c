package io.camdash.bench;

/** CPU time of server and client over a window, as % of one core. */
final class CpuWindow {

	private final ServerProcess server;

	private final long clientPid;

	private final long startNanos;

	private final double serverStart;

	private final double clientStart;

	private double serverPercent;

	private double clientPercent;

	private CpuWindow(ServerProcess server, long clientPid) throws Exception {
		this.server = server;
		this.clientPid = clientPid;
		this.startNanos = System.nanoTime();
		this.serverStart = server.cpuSeconds();
		this.clientStart = ProcStats.cpuSeconds(clientPid);
	}

	static CpuWindow start(ServerProcess server, long clientPid) throws Exception {
		return new CpuWindow(server, clientPid);
	}

	void stop() throws Exception {
		double wall = (System.nanoTime() - this.startNanos) / 1e9;
		this.serverPercent = (this.server.cpuSeconds() - this.serverStart) / wall * 100;
		this.clientPercent = (ProcStats.cpuSeconds(this.clientPid) - this.clientStart) / wall * 100;
	}

	double serverPercent() {
		return this.serverPercent;
	}

	double clientPercent() {
		return this.clientPercent;
	}

}
