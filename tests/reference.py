"""Independent reference calculations the tests compare the package against.

Written without the package and without networkx's algorithms, so a bug in
either cannot hide by being copied here.
"""

from __future__ import annotations

import importlib
from collections import deque


def bfs_distances(adjacency: dict, start) -> dict:
    """Hop distances from ``start`` by a plain breadth-first search (independent of networkx)."""
    distance = {start: 0}
    queue = deque([start])
    while queue:
        node = queue.popleft()
        for other in adjacency[node]:
            if other not in distance:
                distance[other] = distance[node] + 1
                queue.append(other)
    return distance


def adjacency_of(graph) -> dict:
    """A plain dict-of-sets copy of a networkx graph's friendships."""
    return {node: {o for o in graph[node] if o != node} for node in graph.nodes}


def run_answer(exercise, code: str):
    """The value ``code`` stores in the exercise's answer variable when run after its chapter's
    ``SETUP`` cell, as a learner's answer cell does in the notebook."""
    module = importlib.import_module(f"sevencs.exercises.{exercise.chapter}")
    namespace: dict = {}
    exec(module.SETUP, namespace)
    exec(code, namespace)
    return namespace[exercise.answer_name]


def run_solution(exercise):
    """The value an exercise's model solution gives in the learner's notebook."""
    return run_answer(exercise, exercise.solution_code)
