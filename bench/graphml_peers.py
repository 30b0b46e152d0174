#!/usr/bin/python3
"""The peers of `kg export --format graphml`: python3-igraph's and python3-networkx's writers.

Reads the graph kg exported (so that every writer writes the same nodes, edges and attributes),
then times only the call that writes GraphML, each into its own file:

    graphml_peers.py IN.graphml OUT_DIR [igraph|networkx]...

Prints one line per writer: "NAME SECONDS CPU_SECONDS" (wall time and this process's CPU time of
the write).
"""
import os
import sys
import time

import igraph


def main():
    source, out_dir = sys.argv[1], sys.argv[2]
    writers = sys.argv[3:] or ["igraph", "networkx"]
    g = igraph.Graph.Read_GraphML(source)
    for name in writers:
        target = os.path.join(out_dir, "peer-%s.graphml" % name)
        if name == "igraph":
            start, cpu = time.perf_counter(), time.process_time()
            g.write_graphml(target)
        elif name == "networkx":
            import networkx
            nx_graph = g.to_networkx()
            start, cpu = time.perf_counter(), time.process_time()
            networkx.write_graphml(nx_graph, target)
        else:
            sys.exit("unknown writer " + name)
        seconds, cpu = time.perf_counter() - start, time.process_time() - cpu
        print(name, "%.3f" % seconds, "%.3f" % cpu, flush=True)
        os.remove(target)


if __name__ == "__main__":
    main()
